using Slipway.GitOps.Git;
namespace Slipway.GitOps;

/// <summary>What a DeployPlatform or SyncApps change did to the GitOps repository.</summary>
/// <param name="Environment">The environment.</param>
/// <param name="Push">The commit the branch points at and whether one was pushed.</param>
/// <param name="Changes">The versions that changed (empty when only manifests were re-rendered).</param>
/// <param name="Remote">The remote (credentials removed).</param>
public sealed record GitOpsDeployResult(string Environment, PushResult Push, IReadOnlyList<VersionChange> Changes, string Remote)
{
    /// <summary>The commit the cluster must reach (<c>lastAppliedRevision</c> / synced revision).</summary>
    public string CommitSha => Push.CommitSha;

    /// <summary>Lines for the console: what changed, and which commit.</summary>
    public IReadOnlyList<string> Format()
    {
        if (!Push.Changed)
        {
            return [$"{Environment}: the GitOps repository already holds this; nothing pushed (head {Push.ShortSha} of {Remote})."];
        }

        var lines = new List<string> { Push.Message!.Split('\n')[0] };
        lines.Add($"pushed {Push.ShortSha} to {Remote}" + (Push.Attempts > 1 ? $" after {Push.Attempts - 1} lost race(s)" : string.Empty));
        return lines;
    }
}
