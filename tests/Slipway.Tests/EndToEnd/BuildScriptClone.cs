using k8s.Models;
using Slipway.Cluster;
using Slipway.Cluster.Connection;
using Slipway.Delivery;
using Slipway.Environments;
using Slipway.LocalCluster.Hosting;
using Slipway.Processes;
using Slipway.Tests.Support;

namespace Slipway.Tests.EndToEnd;

/// <summary>
/// A fresh clone of this repository's committed HEAD in a temp directory, where <c>bash build.sh …</c> runs as a user
/// would run it (the first run compiles the build). Shared by the scenarios of one class.
/// </summary>
public sealed class BuildScriptClone : IAsyncLifetime
{
    /// <summary>Verify gives up on a pull failure after this long instead of 20 s, to keep the bad-tag scenario short.</summary>
    public const string FailFastAfter = "3s";

    private readonly TempDirectory _temp = new("slipway-e2e");
    private readonly ProcessRunner _processes = new();

    public string Root => _temp.Combine("repo");

    public string GitOpsWorkDirectory => new SlipwayPaths(Root).GitOpsWorkDirectory;

    public string GitOpsRemote => new SlipwayPaths(Root).GitOpsRemote;

    /// <summary>Clones, on a branch named main whatever branch the source is on (the gates of staging and production deploy only from main).</summary>
    public async ValueTask InitializeAsync()
    {
        await _processes.RunAsync(
            new ProcessRequest("git", ["clone", "-q", RepositoryPaths.Root, Root]) { Timeout = TimeSpan.FromMinutes(2) },
            TestContext.Current.CancellationToken);
        await GitAsync(Root, "checkout", "-q", "-B", "main");
    }

    /// <summary>
    /// Runs <c>bash build.sh</c> with <paramref name="arguments"/> in the clone, split as a shell splits them (spaces, and
    /// "double quotes" around a value with spaces); returns whatever the exit code.
    /// </summary>
    public async Task<BuildRun> RunAsync(string arguments, IReadOnlyDictionary<string, string?>? variables = null)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["NO_COLOR"] = "1",
            [EnvironmentDelivery.FailFastVariable] = FailFastAfter,
            ["GITHUB_REF_NAME"] = null, // the branch gate reads the clone's HEAD (main), not the branch of the CI run of these tests
            ["CI_COMMIT_BRANCH"] = null,
        };
        foreach ((string name, string? value) in variables ?? new Dictionary<string, string?>())
        {
            environment[name] = value;
        }

        ProcessResult result = await _processes.RunAsync(
            new ProcessRequest("bash", ["build.sh", .. Words(arguments)])
            {
                WorkingDirectory = Root,
                EnvironmentVariables = environment,
                Timeout = TimeSpan.FromMinutes(5),
                IsSuccess = static _ => true,
            },
            TestContext.Current.CancellationToken);
        return new BuildRun(arguments, result.ExitCode, result.StandardOutput + result.StandardError);
    }

    /// <summary>The words of <paramref name="arguments"/>: split at spaces outside double quotes, the quotes removed.</summary>
    private static List<string> Words(string arguments)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        bool quoted = false, any = false;
        foreach (char c in arguments)
        {
            if (c == '"')
            {
                quoted = !quoted;
                any = true;
            }
            else if (c == ' ' && !quoted)
            {
                Flush();
            }
            else
            {
                word.Append(c);
                any = true;
            }
        }

        Flush();
        return words;

        void Flush()
        {
            if (any)
            {
                words.Add(word.ToString());
            }

            word.Clear();
            any = false;
        }
    }

    /// <summary>The local cluster of <paramref name="environment"/> in the clone (started here, or joined when a run of the build serves it).</summary>
    public async Task<LocalClusterHandle> StartClusterAsync(string environment)
        => await LocalClusterHost.StartAsync(
            LocalClusterStarter.OptionsFor(new LocalClusterStartRequest(new SlipwayPaths(Root).LocalCluster, environment, EnvironmentDelivery.LocalClusterImages(await EnvironmentCatalog.LoadAsync(Root, TestContext.Current.CancellationToken)))),
            TestContext.Current.CancellationToken);

    /// <summary>The deploy lease of <paramref name="environment"/> as its cluster in the clone has it (joining a run that serves it, else starting it).</summary>
    public async Task<V1Lease?> ReadLeaseAsync(string environment)
    {
        await using LocalClusterHandle cluster = await StartClusterAsync(environment);
        using var client = new KubernetesCluster(ClusterTarget.ForUrl(cluster.BaseAddress, cluster.KubeconfigPath, cluster.ContextName));
        return await client.ReadLeaseAsync(DeployLease.Namespace, DeployLease.NameFor(environment), TestContext.Current.CancellationToken);
    }

    /// <summary><c>git</c> in <paramref name="directory"/>; its standard output.</summary>
    public async Task<string> GitAsync(string directory, params string[] arguments)
        => (await _processes.RunAsync(new ProcessRequest("git", arguments) { WorkingDirectory = directory, Timeout = TimeSpan.FromMinutes(1) }, TestContext.Current.CancellationToken)).StandardOutput;

    public ValueTask DisposeAsync()
    {
        _temp.Dispose();
        return ValueTask.CompletedTask;
    }
}
