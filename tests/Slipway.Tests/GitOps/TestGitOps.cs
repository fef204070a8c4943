using Slipway.GitOps;
using Slipway.GitOps.Git;
using Slipway.Hosting;

namespace Slipway.Tests.GitOps;

/// <summary>
/// An environment's GitOps repository opened as a delivery opens it for <c>repository: local</c>: the bare remote at
/// <see cref="SlipwayPaths.GitOpsRemote"/> (created on first use), the clone in <see cref="SlipwayPaths.GitOpsWorkDirectory"/>.
/// </summary>
public sealed record TestGitOps(IGitOpsRepository Repository, GitOpsEnvironment Environment)
{
    public GitOpsDeployer Deployer => new(Repository, Environment);

    public static async Task<TestGitOps> OpenAsync(string root, string environment, GitOpsEngine engine = GitOpsEngine.Flux)
    {
        var paths = new SlipwayPaths(root);
        string remote = await LocalGitOpsRemote.EnsureAsync(paths.GitOpsRemote, "main", TestContext.Current.CancellationToken);
        IGitOpsRepository repository = GitOpsRepository.Open(
            new GitOpsRepositoryOptions(remote, "main", paths.GitOpsWorkDirectory), new DictionaryEnvironmentVariables(), NullLog.Instance, TimeProvider.System);
        return new TestGitOps(repository, new GitOpsEnvironment(environment, engine, remote, "main"));
    }
}
