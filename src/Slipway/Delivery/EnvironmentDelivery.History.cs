using Slipway.GitOps;
using Slipway.GitOps.Git;
using Slipway.Releases;
using Slipway.Rollback;

namespace Slipway.Delivery;

/// <summary>History: the releases of the environment and, from before the release log, the tag changes in the GitOps history.</summary>
public sealed partial class EnvironmentDelivery
{
    public async Task<HistoryView> ReadHistoryAsync(string? app, int limit, CancellationToken cancellationToken)
    {
        if (limit < 1)
        {
            throw SlipwayException.Input($"--limit {limit} must be at least 1 (e.g. --limit 20).");
        }

        (ReleaseHistory releases, EnvironmentVersions current, AppHistoryReader history) = await ReadReleaseStateAsync(cancellationToken).ConfigureAwait(false);
        if (app is not null && current.Apps.All(a => a.Name != app) && releases.Releases.All(r => !r.Apps.ContainsKey(app)))
        {
            throw SlipwayException.Input($"--app '{app}' is not an app of environment {Name}; its apps are: {(current.Apps.Count == 0 ? "none deployed yet" : string.Join(", ", current.Apps.Select(a => a.Name)))}.");
        }

        DateTimeOffset? firstRecorded = releases.Releases.Count == 0 ? null : releases.Releases.Min(r => r.Time);
        var versions = new List<AppVersion>();
        foreach (RunningApp running in current.Apps.Where(a => app is null || a.Name == app))
        {
            int before = 0;
            versions.AddRange(await history.ReadAsync(running.Name, v => firstRecorded is null || v.Time < firstRecorded ? ++before < limit : true, cancellationToken).ConfigureAwait(false));
        }

        return HistoryView.Build(releases, versions, app, limit);
    }

    /// <summary>The apps (or <paramref name="app"/>) whose release log or GitOps history has <paramref name="tag"/>.</summary>
    public async Task<IReadOnlyList<string>> AppsWithTagAsync(string tag, string? app, CancellationToken cancellationToken)
    {
        (ReleaseHistory releases, EnvironmentVersions current, AppHistoryReader history) = await ReadReleaseStateAsync(cancellationToken).ConfigureAwait(false);
        var found = new List<string>();
        foreach (RunningApp running in current.Apps.Where(a => app is null || a.Name == app))
        {
            if (releases.Releases.Any(r => r.TagOf(running.Name) == tag) || await history.FindAsync(running.Name, tag, cancellationToken).ConfigureAwait(false) is not null)
            {
                found.Add(running.Name);
            }
        }

        return found;
    }

    /// <summary>"Recent tags (newest first) — web: a, b" for the environment's apps; null when it runs none.</summary>
    public async Task<string?> RecentTagsAsync(string? app, CancellationToken cancellationToken)
    {
        (ReleaseHistory releases, EnvironmentVersions current, AppHistoryReader history) = await ReadReleaseStateAsync(cancellationToken).ConfigureAwait(false);
        return current.Apps.Count == 0 ? null : await new RollbackPlanner(current, releases, history).RecentTagsAsync(app, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Where the tags of past app manifest versions are kept between runs (a cache, like the GitOps clone).</summary>
    private string HistoryIndexFolder => Path.Combine(_context.Paths.Temp, "history-index");

    /// <summary>The release log, what the GitOps branch says runs now, and the reader of each app's manifest history.</summary>
    private async Task<(ReleaseHistory Releases, EnvironmentVersions Current, AppHistoryReader History)> ReadReleaseStateAsync(CancellationToken cancellationToken)
    {
        (IGitOpsRepository repository, GitOpsEnvironment environment) = await GitOpsAsync(cancellationToken).ConfigureAwait(false);
        (GitOpsSnapshot _, ReleaseHistory releases, EnvironmentVersions current) = await ReadReleaseLogAndVersionsAsync(repository, environment, cancellationToken).ConfigureAwait(false);
        return (releases, current, new AppHistoryReader(repository, environment, HistoryIndexFolder));
    }

    /// <summary>One snapshot of the branch (fetched): the release log and the versions its manifests name.</summary>
    private async Task<(GitOpsSnapshot Snapshot, ReleaseHistory Releases, EnvironmentVersions Current)> ReadReleaseLogAndVersionsAsync(
        IGitOpsRepository repository, GitOpsEnvironment environment, CancellationToken cancellationToken)
    {
        string path = GitOpsPaths.ReleaseLog(Name);
        GitOpsSnapshot snapshot = await repository.ReadSnapshotAsync([path, .. EnvironmentVersionsReader.Paths(environment.Path)], cancellationToken).ConfigureAwait(false);
        return (snapshot, ReleaseLog.Parse(Name, snapshot.Read(path)), EnvironmentVersionsReader.Read(snapshot, Name, environment.Path));
    }
}
