namespace Slipway.Tests.LocalCluster.Controllers;

/// <summary>YAML manifests the tests put into git.</summary>
internal static class TestManifests
{
    public static string Deployment(string name, string image, string ns = "apps", int replicas = 1) => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {name}
          namespace: {ns}
        spec:
          replicas: {replicas}
          selector:
            matchLabels:
              app: {name}
          template:
            metadata:
              labels:
                app: {name}
            spec:
              containers:
                - name: {name}
                  image: {image}
        """;

    public static string ConfigMap(string name, string ns = "apps") => $"""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {name}
          namespace: {ns}
        data:
          greeting: "hello"
          count: "3"
        """;

    public static string Namespace(string name) => $"""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: {name}
        """;
}
