using Slipway.IO;

namespace Slipway.LocalCluster.Hosting;

/// <summary>
/// The kubeconfig of the local cluster: cluster, context and user <c>slipway-local</c>. The server checks no credentials;
/// the user carries a placeholder token only because KubernetesClient refuses a kubeconfig user without any
/// ("does not have appropriate auth credentials"). kubectl sends it and the server ignores it.
/// </summary>
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
          user:
            token: local-cluster-no-auth
        preferences: {}

        """;

    public static async Task<string> WriteAsync(string stateDirectory, Uri server, CancellationToken cancellationToken)
    {
        string path = Path.Combine(stateDirectory, FileName);
        string contents = Render(server);
        if (File.Exists(path) && await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false) == contents)
        {
            return path;
        }

        await AtomicFile.WriteAllTextAsync(path, contents, cancellationToken).ConfigureAwait(false);
        return path;
    }
}
