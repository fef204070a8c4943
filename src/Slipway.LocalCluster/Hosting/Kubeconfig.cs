using Slipway.IO;

namespace Slipway.LocalCluster.Hosting;

/// <summary>The kubeconfig of the local cluster: cluster, context and user <c>slipway-local</c>, no credentials.</summary>
public static class Kubeconfig
{
    public const string FileName = "kubeconfig";

    public const string ContextName = "slipway-local";

    public static string Render(Uri server) =>
        $$"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: {{ContextName}}
          cluster:
            server: {{server.GetLeftPart(UriPartial.Authority)}}
        contexts:
        - name: {{ContextName}}
          context:
            cluster: {{ContextName}}
            user: {{ContextName}}
            namespace: default
        current-context: {{ContextName}}
        users:
        - name: {{ContextName}}
          user: {}
        preferences: {}

        """;

    public static async Task<string> WriteAsync(string stateDirectory, Uri server, CancellationToken cancellationToken)
    {
        string path = Path.Combine(stateDirectory, FileName);
        await AtomicFile.WriteAllTextAsync(path, Render(server), cancellationToken).ConfigureAwait(false);
        return path;
    }
}
