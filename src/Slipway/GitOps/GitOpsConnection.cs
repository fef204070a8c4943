using Slipway.Hosting;
using Slipway.Processes;
using Slipway.Releases;

namespace Slipway.GitOps;

/// <summary>
/// The GitOps repository of one environment, ready to use: the entry point the build's targets call.
/// <c>repository: local</c> becomes the bare repository <c>&lt;root&gt;/.nuke/temp/gitops-remote.git</c>
/// (created on first use); the clone lives in <c>&lt;root&gt;/.nuke/temp/gitops/</c>.
/// </summary>
public sealed class GitOpsConnection
{
    private GitOpsConnection(IGitOpsRepository repository, GitOpsEnvironment environment, TimeProvider time)
    {
        Repository = repository;
        Environment = environment;
        Deployer = new GitOpsDeployer(repository, environment);
        Releases = new ReleaseRecorder(repository, time);
    }

    public IGitOpsRepository Repository { get; }

    /// <summary>The environment as the manifests see it (the source URL is what the cluster fetches).</summary>
    public GitOpsEnvironment Environment { get; }

    /// <summary>SyncApps, DeployPlatform, Bootstrap.</summary>
    public GitOpsDeployer Deployer { get; }

    /// <summary>Appends to <c>releases/&lt;env&gt;.yaml</c>.</summary>
    public ReleaseRecorder Releases { get; }

    public static string LocalRemotePath(string rootDirectory) => Path.Combine(rootDirectory, ".nuke", "temp", "gitops-remote.git");

    public static string WorkDirectory(string rootDirectory) => Path.Combine(rootDirectory, ".nuke", "temp", "gitops");

    public static async Task<GitOpsConnection> OpenAsync(
        string rootDirectory,
        string environment,
        GitOpsSettings settings,
        IEnvironmentVariables variables,
        ILog log,
        TimeProvider time,
        CancellationToken cancellationToken,
        IProcessRunner? processRunner = null)
    {
        KubernetesNames.Require(environment, "environment");
        string remote = settings.Repository == GitOpsSettings.Local
            ? await LocalGitOpsRemote.EnsureAsync(LocalRemotePath(rootDirectory), settings.Branch, cancellationToken, time).ConfigureAwait(false)
            : settings.Repository;
        var options = new GitOpsRepositoryOptions(remote, settings.Branch, WorkDirectory(rootDirectory))
        {
            TokenVariable = settings.TokenVariable,
            NetworkTimeout = settings.NetworkTimeout,
        };
        IGitOpsRepository repository = GitOpsRepository.Open(options, variables, log, time, processRunner);
        string sourceUrl = settings.Repository == GitOpsSettings.Local ? remote : settings.Repository;
        return new GitOpsConnection(repository, new GitOpsEnvironment(environment, settings.Engine, sourceUrl, settings.Branch), time);
    }

    /// <summary>What the environment runs now according to the remote branch (for Status).</summary>
    public Task<EnvironmentVersions> ReadVersionsAsync(CancellationToken cancellationToken)
        => EnvironmentVersionsReader.ReadAsync(Repository, Environment.Name, cancellationToken);

    /// <summary>The release history of the environment from the remote branch.</summary>
    public Task<ReleaseHistory> ReadReleasesAsync(CancellationToken cancellationToken)
        => ReleaseRecorder.ReadAsync(Repository, Environment.Name, cancellationToken);
}
