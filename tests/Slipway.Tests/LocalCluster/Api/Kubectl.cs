using Slipway.Processes;
using Slipway.Tests.Support;

namespace Slipway.Tests.LocalCluster.Api;

/// <summary>The real kubectl against a local cluster, through the kubeconfig it writes, and manifests in its state directory.</summary>
internal sealed class Kubectl(ClusterFixture fixture)
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);
    private readonly ProcessRunner _runner = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Runs kubectl; <see cref="ProcessFailedException"/> when it fails.</summary>
    public Task<ProcessResult> RunAsync(params string[] arguments)
        => _runner.RunAsync(new ProcessRequest("kubectl", ["--kubeconfig", fixture.Cluster.KubeconfigPath, .. arguments]) { Timeout = s_timeout }, Ct);

    /// <summary>Runs kubectl and returns what it printed.</summary>
    public async Task<string> OutputAsync(params string[] arguments) => (await RunAsync(arguments)).StandardOutput;

    public async Task<string> WriteManifestAsync(string name, string yaml)
    {
        string path = Path.Combine(fixture.StateDirectory, name + ".yaml");
        await File.WriteAllTextAsync(path, yaml, Ct);
        return path;
    }
}
