using Slipway.GitOps.Git;
using Slipway.Hosting;
using Slipway.Processes;

namespace Slipway.GitOps.Git;

/// <summary>Opens the GitOps repository (the LibGit2Sharp adapter behind <see cref="IGitOpsRepository"/>).</summary>
public static class GitOpsRepository
{
    /// <summary>
    /// Opens the repository. Clone, fetch, commit and network pushes go through LibGit2Sharp; a push to a
    /// local remote (a path or file://) goes through <c>git push</c> (<paramref name="processRunner"/>,
    /// default <see cref="ProcessRunner"/>) so the ref update is atomic and the remote's hooks run.
    /// </summary>
    public static IGitOpsRepository Open(GitOpsRepositoryOptions options, IEnvironmentVariables environment, ILog log, TimeProvider time, IProcessRunner? processRunner = null)
        => new LibGit2GitOpsRepository(options, environment, log, time, processRunner ?? new ProcessRunner());
}
