output "cluster_name" {
  description = "Name of the cluster, read by DeployPlatform."
  value       = terraform_data.cluster.output.name
}

output "ingress_host" {
  description = "Host name of the ingress, read by Verify."
  value       = terraform_data.dns.output.record
}
