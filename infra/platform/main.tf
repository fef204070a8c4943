resource "terraform_data" "network" {
  input = {
    name   = "${var.cluster_name}-net"
    region = var.region
    cidr   = "10.20.0.0/16"
  }
}

resource "terraform_data" "cluster" {
  # A cluster cannot move: a new region means a new cluster.
  triggers_replace = [var.region]

  input = {
    name    = var.cluster_name
    network = terraform_data.network.output.name
  }
}

resource "terraform_data" "node" {
  count = var.node_count

  input = {
    name    = "${var.cluster_name}-node-${count.index}"
    cluster = terraform_data.cluster.output.name
  }
}

resource "terraform_data" "dns" {
  input = {
    zone   = var.dns_zone
    record = "ingress.${var.dns_zone}"
    target = terraform_data.cluster.output.name
  }
}
