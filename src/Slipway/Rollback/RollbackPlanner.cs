using Slipway.GitOps;
using Slipway.Releases;

namespace Slipway.Rollback;

/// <summary>
/// Chooses what a rollback sets back, from what runs now (the head of the GitOps branch), the release log and, for tags set
/// before the log, the history of each app's manifest. Every unknown tag, app or release is bad input naming the choices.
/// </summary>
public sealed class RollbackPlanner
{
    private readonly EnvironmentVersions _current;
    private readonly ReleaseHistory _releases;
    private readonly AppHistoryReader _history;

    public RollbackPlanner(EnvironmentVersions current, ReleaseHistory releases, AppHistoryReader history)
    {
        _current = current;
        _releases = releases;
        _history = history;
    }

    private string Environment => _current.Environment;

    /// <param name="infra">The fingerprint of the current infrastructure outputs; null when unknown.</param>
    public async Task<RollbackPlan> PlanAsync(RollbackRequest request, string? infra, CancellationToken cancellationToken)
    {
        if (request.Tag is not null && !ImageTag.IsValid(request.Tag))
        {
            throw SlipwayException.Input($"--tag '{request.Tag}' is not a valid image tag: {ImageTag.Rule}.");
        }

        if (request.Release is not null && request.Tag is not null)
        {
            throw SlipwayException.Input($"--release and --tag choose different things: give --release {request.Release} (the whole release) or --tag {request.Tag}, not both.");
        }

        if (request.App is not null && _current.Apps.All(a => a.Name != request.App))
        {
            throw SlipwayException.Input($"--app '{request.App}' is not an app of environment {Environment}; its apps are: {AppNames()}.");
        }

        RollbackPlan plan = request.Tag is { } tag
            ? await ByTagAsync(tag, request, cancellationToken).ConfigureAwait(false)
            : request.Release is { } id ? ToRelease(Verified(_releases.Get(id)), request.App) : ToPrevious(request.App);
        ReleaseRecord? target = plan.Restores is null ? null : _releases.Find(plan.Restores);
        return plan with
        {
            Reason = request.Reason,
            InfraWarning = target?.Infra is { } then && infra is not null && then != infra
                ? $"Release {target.Id} ran on other infrastructure outputs (fingerprint {then}, now {infra}): this rollback sets app and chart versions only, "
                    + $"not the infrastructure. Review it with: ./build.sh PlanInfra --env {Environment}"
                : null,
        };
    }

    private async Task<RollbackPlan> ByTagAsync(string tag, RollbackRequest request, CancellationToken cancellationToken)
    {
        var apps = new List<AppRollback>();
        var sources = new List<string>();
        string? restores = null;
        foreach (RunningApp app in _current.Apps.Where(a => request.App is null || a.Name == request.App))
        {
            if (_releases.Releases.OrderByDescending(r => r.Verified).FirstOrDefault(r => r.TagOf(app.Name) == tag) is { } release)
            {
                apps.Add(Change(app, ImageReferences.Image(release.Apps[app.Name]), tag));
                sources.Add($"release {release.Id}{(release.Verified ? string.Empty : " (which failed Verify)")}");
                restores ??= release.Id;
            }
            else if (await _history.FindAsync(app.Name, tag, cancellationToken).ConfigureAwait(false) is { } found)
            {
                apps.Add(Change(app, found.Set.Image, tag));
                sources.Add($"GitOps commit {found.Set.ShortSha} ({found.Set.Time.UtcDateTime:yyyy-MM-dd HH:mm} UTC)");
            }
            else if (request.AllowNewTag && request.App is not null)
            {
                apps.Add(Change(app, app.Image ?? "?", tag));
                sources.Add("--allow-new-tag");
            }
        }

        if (apps.Count == 0)
        {
            string which = request.App is null ? $"any app of {Environment}" : $"{request.App} in {Environment}";
            throw SlipwayException.Input(
                $"Tag '{tag}' was never deployed to {which}. {await RecentTagsAsync(request.App, cancellationToken).ConfigureAwait(false)}"
                + (request.App is null ? string.Empty : " To deploy a tag that never ran here, add --allow-new-tag."));
        }

        return new RollbackPlan
        {
            Environment = Environment,
            Apps = apps.Where(a => a.FromTag != a.ToTag || a.FromImage != a.ToImage).ToArray(),
            Restores = apps.Count == 1 ? restores : null,
            Source = string.Join("; ", sources.Distinct(StringComparer.Ordinal)),
        };
    }

    private RollbackPlan ToPrevious(string? app)
    {
        ReleaseRecord previous = _releases.Releases.FirstOrDefault(r => r.Verified && Differs(r, app))
            ?? throw SlipwayException.Input(
                _releases.Releases.Count == 0
                    ? $"{Environment} has no recorded release to roll back to ({GitOpsPaths.ReleaseLog(Environment)} is empty). Give the tag instead: --tag TAG{(app is null ? " --app APP" : string.Empty)}."
                    : $"{Environment} has no earlier verified release that differs from what runs now; the releases are: {string.Join(", ", _releases.Releases.Take(5).Select(r => $"{r.Id} ({(r.Verified ? "verified" : "failed")})"))}. Give the tag instead: --tag TAG.");
        return ToRelease(previous, app);
    }

    private RollbackPlan ToRelease(ReleaseRecord release, string? app)
    {
        var apps = new List<AppRollback>();
        foreach (RunningApp running in _current.Apps.Where(a => app is null || a.Name == app))
        {
            if (release.Apps.TryGetValue(running.Name, out string? image))
            {
                AppRollback change = Change(running, ImageReferences.Image(image), ImageReferences.Tag(image));
                if (change.FromTag != change.ToTag || change.FromImage != change.ToImage)
                {
                    apps.Add(change);
                }
            }
        }

        var charts = new List<ChartRollback>();
        foreach (RunningChart chart in app is null ? _current.Charts : [])
        {
            if (release.Charts.TryGetValue(chart.Name, out string? version) && chart.Version is { } now && now != version)
            {
                charts.Add(new ChartRollback(chart.Name, now, version));
            }
        }

        return new RollbackPlan { Environment = Environment, Apps = apps, Charts = charts, Restores = release.Id, Source = $"release {release.Id}" };
    }

    private ReleaseRecord Verified(ReleaseRecord release)
        => release.Verified
            ? release
            : throw SlipwayException.Input(
                $"Release {release.Id} of {Environment} failed Verify, so it is not a state to return to; the verified releases are: "
                + $"{string.Join(", ", _releases.Releases.Where(r => r.Verified).Take(5).Select(r => r.Id).DefaultIfEmpty("none"))}.");

    private bool Differs(ReleaseRecord release, string? app)
        => _current.Apps.Any(a => (app is null || a.Name == app) && release.Apps.TryGetValue(a.Name, out string? image) && image != a.ImageReference)
            || (app is null && _current.Charts.Any(c => release.Charts.TryGetValue(c.Name, out string? version) && version != c.Version));

    private static AppRollback Change(RunningApp app, string image, string tag) => new(app.Name, app.Image ?? image, app.Tag ?? "?", image, tag);

    /// <summary>"The recent tags of web are: a, b, c." for each app (or <paramref name="app"/>), from the release log and the GitOps history.</summary>
    public async Task<string> RecentTagsAsync(string? app, CancellationToken cancellationToken)
    {
        var parts = new List<string>();
        foreach (RunningApp running in _current.Apps.Where(a => app is null || a.Name == app))
        {
            var tags = new List<string>();
            foreach (string tag in _releases.Releases.Select(r => r.TagOf(running.Name)).OfType<string>())
            {
                if (!tags.Contains(tag))
                {
                    tags.Add(tag);
                }
            }

            if (tags.Count < 5)
            {
                await _history.ReadAsync(running.Name, v =>
                {
                    if (!tags.Contains(v.Tag))
                    {
                        tags.Add(v.Tag);
                    }

                    return tags.Count < 5;
                }, cancellationToken).ConfigureAwait(false);
            }

            parts.Add($"{running.Name}: {(tags.Count == 0 ? "none" : string.Join(", ", tags.Take(5)))}");
        }

        return parts.Count == 0 ? $"{Environment} runs no app yet." : $"Recent tags (newest first) — {string.Join("; ", parts)}.";
    }

    private string AppNames() => _current.Apps.Count == 0 ? "none deployed yet" : string.Join(", ", _current.Apps.Select(a => a.Name));
}
