using Slipway.Processes;

namespace Slipway.Ci;

/// <summary>The files that differ between a base commit and HEAD (<c>git diff --name-only --no-renames base HEAD</c>: a rename is its two paths).</summary>
public static class ChangedFiles
{
    public static async Task<IReadOnlyList<string>> ReadAsync(IProcessRunner processes, string repositoryRoot, string baseCommit, CancellationToken cancellationToken)
    {
        ProcessResult resolved = await processes.RunAsync(
            new ProcessRequest("git", ["rev-parse", "--verify", "--quiet", "--end-of-options", baseCommit + "^{commit}"]) { WorkingDirectory = repositoryRoot, IsSuccess = static _ => true },
            cancellationToken).ConfigureAwait(false);
        if (resolved.ExitCode != 0)
        {
            throw SlipwayException.Input($"--base '{baseCommit}' is not a commit of the repository at {repositoryRoot} (a shallow clone? fetch the history, e.g. actions/checkout with fetch-depth: 0).");
        }

        ProcessResult diff = await processes.RunAsync(
            new ProcessRequest("git", ["-c", "core.quotePath=false", "diff", "--name-only", "--no-renames", "-z", resolved.StandardOutput.Trim(), "HEAD", "--"]) { WorkingDirectory = repositoryRoot },
            cancellationToken).ConfigureAwait(false);
        return [.. diff.StandardOutput.Split('\0', StringSplitOptions.RemoveEmptyEntries)];
    }
}
