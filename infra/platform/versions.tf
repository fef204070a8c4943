# Runs offline: terraform_data comes from the built-in provider terraform.io/builtin/terraform.
# State is local (one state per workspace under terraform.tfstate.d/); a real stack declares its backend here.
terraform {
  required_version = ">= 1.4"
}
