using Slipway.GitOps.Git;
using Slipway.Releases;

namespace Slipway.Rollback;

/// <summary>Removes holds from <c>holds/&lt;env&gt;.yaml</c> in one commit: Resume, or a deploy with <c>--release-hold</c>.</summary>
public sealed class HoldRelease
{
    private readonly IGitOpsRepository _repository;

    public HoldRelease(IGitOpsRepository repository)
    {
        _repository = repository;
    }

    /// <summary>
    /// Removes the holds of <paramref name="apps"/> (every hold when null); returns those removed (none: nothing committed)
    /// and the push.
    /// </summary>
    public async Task<(IReadOnlyList<Hold> Removed, PushResult Push)> ReleaseAsync(
        string environment, IReadOnlyCollection<string>? apps, string reason, CommitInfo info, CancellationToken cancellationToken)
    {
        IReadOnlyList<Hold> removed = [];
        string path = GuardPaths.Holds(environment);
        PushResult push = await _repository.PushChangeAsync(
            async (tree, ct) =>
            {
                IReadOnlyList<Hold> holds = HoldLog.Parse(environment, await tree.ReadTextAsync(path, ct).ConfigureAwait(false));
                removed = holds.Where(h => apps is null || apps.Contains(h.App)).ToArray();
                if (removed.Count == 0)
                {
                    return null;
                }

                await tree.WriteTextAsync(path, HoldLog.Serialize(environment, holds.Except(removed).ToArray()), ct).ConfigureAwait(false);
                return new ChangeDescription(
                    $"resume({environment}): {string.Join(", ", removed.Select(h => $"{h.App} (held at {h.Tag})"))}",
                    reason.Trim());
            },
            info,
            cancellationToken).ConfigureAwait(false);
        return (removed, push);
    }
}
