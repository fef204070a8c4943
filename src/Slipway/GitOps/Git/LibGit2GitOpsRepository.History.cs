using LibGit2Sharp;

namespace Slipway.GitOps.Git;

internal sealed partial class LibGit2GitOpsRepository
{
    /// <summary>
    /// After a fetch: a branch whose new tip shares no history with the tip this clone last fetched was replaced (another
    /// repository at the address, a re-created one, a force push of unrelated commits). Its manifests and release log are not
    /// the ones this environment runs, so nothing is written (exit 3); the clone keeps the old tip so nothing is lost.
    /// </summary>
    private void RefuseUnrelatedHistory(Repository repository, string? before)
    {
        Reference? origin = repository.Refs[OriginRef];
        string? after = origin?.ResolveToDirectReference()?.TargetIdentifier;
        if (before is null || after is null || before == after
            || repository.Lookup<Commit>(before) is not { } old || repository.Lookup<Commit>(after) is not { } now
            || repository.ObjectDatabase.FindMergeBase(old, now) is not null)
        {
            return;
        }

        repository.Refs.UpdateTarget(origin!, old.Id, "slipway: keep the history the remote no longer has");
        throw SlipwayException.Refused(
            $"The GitOps remote {RemoteDisplay} (branch {_options.Branch}) now has history unrelated to what Slipway last saw there "
            + $"(was {before[..12]}, now {after[..12]}): the repository was replaced, re-created or force-pushed, so its manifests and release log "
            + $"are not the ones this environment runs. Nothing was written.{Environment.NewLine}"
            + $"If it was replaced by mistake, put the old history back with: git -C {WorkDirectory} push {_remoteUrl} +{before}:refs/heads/{_options.Branch}{Environment.NewLine}"
            + $"If the new repository is meant, start over by deleting Slipway's clone: rm -rf {WorkDirectory}");
    }
}
