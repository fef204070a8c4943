using Slipway.Processes;

namespace Slipway.GitOps.Git;

internal sealed partial class LibGit2GitOpsRepository
{
    // libgit2's local transport (a path or file:// remote) copies objects and then sets the branch without
    // checking that it still points where it did: two concurrent pushes both "succeed" and one commit is
    // lost, and the remote's hooks never run. `git push` hands the update to git-receive-pack instead, which
    // locks the ref, compares its old value and runs the hooks, so a lost race or a refusal is reported.
    private bool IsLocalRemote
        => !_remoteUrl.Contains("://", StringComparison.Ordinal) || _remoteUrl.StartsWith("file://", StringComparison.OrdinalIgnoreCase);

    private async Task PushWithGitCliAsync(CancellationToken cancellationToken)
    {
        string refSpec = $"refs/heads/{_options.Branch}:refs/heads/{_options.Branch}";
        var request = new ProcessRequest("git", ["push", "--porcelain", "origin", refSpec])
        {
            WorkingDirectory = WorkDirectory,
            Timeout = _options.NetworkTimeout,
            IsSuccess = _ => true,
            EnvironmentVariables = new Dictionary<string, string?> { ["GIT_TERMINAL_PROMPT"] = "0", ["LC_ALL"] = "C" },
        };
        ProcessResult result = await _processRunner.RunAsync(request, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode == 0)
        {
            return;
        }

        // Porcelain: "!<TAB>refs/heads/main:refs/heads/main<TAB>[rejected] (fetch first)" or "[remote rejected] (pre-receive hook declined)".
        string? status = result.StandardOutput.Split('\n').FirstOrDefault(line => line.StartsWith('!'));
        string reason = status?.Split('\t').LastOrDefault()?.Trim() ?? result.StandardError.Trim();
        if (IsRace(reason))
        {
            throw new PushRaceLostException($"The remote {RemoteDisplay} moved on: {reason}");
        }

        string remoteSays = string.Join(" ", result.StandardError.Split('\n').Where(l => l.StartsWith("remote:", StringComparison.Ordinal)).Select(l => l[7..].Trim()));
        if (IsCorruption(reason) || IsCorruption(remoteSays))
        {
            throw Corrupt("push", $"{reason}{(remoteSays.Length > 0 ? $"; the remote said: {remoteSays}" : string.Empty)}");
        }

        if (status is not null)
        {
            throw Rejected($"refs/heads/{_options.Branch}: {reason}{(remoteSays.Length > 0 ? $"; the remote said: {remoteSays}" : string.Empty)}");
        }

        throw SlipwayException.Failed(
            $"Cannot push to the GitOps remote {RemoteDisplay} (branch {_options.Branch}): git push exited with {result.ExitCode}: {result.StandardError.Trim()}. "
            + "Check the remote's address in the environment's gitops repository setting and that it is reachable, then run the target again.");
    }
}
