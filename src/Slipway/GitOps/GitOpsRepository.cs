using Slipway.GitOps.Git;
using Slipway.Hosting;

namespace Slipway.GitOps;

/// <summary>Opens the GitOps repository (the LibGit2Sharp adapter behind <see cref="IGitOpsRepository"/>).</summary>
public static class GitOpsRepository
{
    public static IGitOpsRepository Open(GitOpsRepositoryOptions options, IEnvironmentVariables environment, ILog log, TimeProvider time)
        => new LibGit2GitOpsRepository(options, environment, log, time);
}
