variable "cluster_name" {
  description = "Name of the Kubernetes cluster."
  type        = string
}

variable "node_count" {
  description = "How many worker nodes the cluster has."
  type        = number
  default     = 1

  validation {
    condition     = var.node_count >= 1 && var.node_count <= 50
    error_message = "node_count must be between 1 and 50."
  }
}

variable "region" {
  description = "Where the cluster runs; changing it replaces the cluster."
  type        = string
}

variable "dns_zone" {
  description = "DNS zone under which the ingress host is published."
  type        = string
}
