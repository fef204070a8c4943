using Slipway.GitOps;
using Slipway.GitOps.Git;
using Slipway.GitOps.Manifests;
using Slipway.Releases;

namespace Slipway.Rollback;

/// <summary>
/// Writes a rollback as one new commit (never a history rewrite): the app tags and chart versions spliced into the existing
/// manifests, and the holds that pin the apps, so the environment returns atomically to a state it was verified in.
/// </summary>
public sealed class RollbackWriter
{
    private readonly IGitOpsRepository _repository;
    private readonly GitOpsEnvironment _environment;
    private readonly TimeProvider _time;

    public RollbackWriter(IGitOpsRepository repository, GitOpsEnvironment environment, TimeProvider time)
    {
        _repository = repository;
        _environment = environment;
        _time = time;
    }

    public async Task<PushResult> WriteAsync(RollbackPlan plan, CommitInfo info, CancellationToken cancellationToken)
        => await _repository.PushChangeAsync(
            async (tree, ct) =>
            {
                foreach (AppRollback app in plan.Apps)
                {
                    string path = GitOpsPaths.App(_environment.Path, app.App, _environment.Engine);
                    string text = await tree.ReadTextAsync(path, ct).ConfigureAwait(false)
                        ?? throw SlipwayException.Failed($"{path} disappeared from the GitOps repository while planning the rollback; nothing was written. Run Rollback again.");
                    await tree.WriteTextAsync(path, ScalarEdit.ApplyAll(text, AppEdits(app), path), ct).ConfigureAwait(false);
                }

                foreach (ChartRollback chart in plan.Charts)
                {
                    string path = GitOpsPaths.PlatformRelease(_environment.Path, chart.Name);
                    string text = await tree.ReadTextAsync(path, ct).ConfigureAwait(false)
                        ?? throw SlipwayException.Failed($"{path} disappeared from the GitOps repository while planning the rollback; nothing was written. Run Rollback again.");
                    ScalarEdit edit = _environment.Engine == GitOpsEngine.Flux
                        ? ScalarEdit.Of("HelmRelease", "spec.chart.spec.version", chart.To)
                        : ScalarEdit.Of("Application", "spec.source.targetRevision", chart.To);
                    await tree.WriteTextAsync(path, ScalarEdit.ApplyAll(text, [edit], path), ct).ConfigureAwait(false);
                }

                string holdsPath = GuardPaths.Holds(plan.Environment);
                IReadOnlyList<Hold> holds = HoldLog.Parse(plan.Environment, await tree.ReadTextAsync(holdsPath, ct).ConfigureAwait(false));
                Hold[] added = plan.Apps.Select(a => new Hold
                {
                    App = a.App,
                    Tag = a.ToTag,
                    Reason = string.IsNullOrWhiteSpace(plan.Reason) ? $"rollback to {plan.Source}" : plan.Reason.Trim(),
                    Who = info.AuthorName,
                    Since = _time.GetUtcNow(),
                    Release = plan.Restores,
                }).ToArray();
                if (added.Length > 0)
                {
                    Hold[] kept = holds.Where(h => added.All(a => a.App != h.App)).ToArray();
                    await tree.WriteTextAsync(holdsPath, HoldLog.Serialize(plan.Environment, [.. kept, .. added]), ct).ConfigureAwait(false);
                }

                return new ChangeDescription(plan.Subject, plan.Body);
            },
            info,
            cancellationToken).ConfigureAwait(false);

    private IEnumerable<ScalarEdit> AppEdits(AppRollback app)
        => _environment.Engine == GitOpsEngine.Flux
            ?
            [
                ScalarEdit.Of("HelmRelease", "spec.values.image.repository", app.ToImage),
                ScalarEdit.Of("HelmRelease", "spec.values.image.tag", app.ToTag),
            ]
            :
            [
                ScalarEdit.Of("Application", "spec.source.helm.parameters[name=image.repository].value", app.ToImage),
                ScalarEdit.Of("Application", "spec.source.helm.parameters[name=image.tag].value", app.ToTag),
            ];
}
