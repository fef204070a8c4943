using Slipway.GitOps;
using Slipway.GitOps.Git;

namespace Slipway.Releases;

/// <summary>Appends a release to <c>releases/&lt;env&gt;.yaml</c> through the GitOps change-and-push (one commit).</summary>
public sealed class ReleaseRecorder
{
    private readonly IGitOpsRepository _repository;
    private readonly TimeProvider _time;

    public ReleaseRecorder(IGitOpsRepository repository, TimeProvider time)
    {
        _repository = repository;
        _time = time;
    }

    /// <summary>Records the release with the next id; when the push loses a race the id is recomputed on the new head.</summary>
    public async Task<ReleaseRecord> RecordAsync(string environment, ReleaseInput input, CommitInfo info, CancellationToken cancellationToken)
    {
        KubernetesNames.Require(environment, "environment");
        ReleaseRecord? recorded = null;
        string path = GitOpsPaths.ReleaseLog(environment);
        await _repository.PushChangeAsync(
            async (tree, ct) =>
            {
                ReleaseHistory history = ReleaseLog.Parse(environment, await tree.ReadTextAsync(path, ct).ConfigureAwait(false));
                recorded = input.ToRecord(history.NextId, _time.GetUtcNow());
                var updated = new ReleaseHistory(environment, [recorded, .. history.Releases]);
                await tree.WriteTextAsync(path, ReleaseLog.Serialize(updated), ct).ConfigureAwait(false);
                string apps = string.Join(", ", input.Apps.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key} {ImageReferences.Tag(a.Value)}"));
                return new ChangeDescription(
                    $"release({environment}): {recorded.Id}{(input.Verified ? " verified" : " not verified")}"
                    + $"{(input.Kind == ReleaseKind.Rollback ? $" rollback{(input.Restores is null ? string.Empty : $" to {input.Restores}")}" : string.Empty)}{(apps.Length > 0 ? $" ({apps})" : string.Empty)}");
            },
            info,
            cancellationToken).ConfigureAwait(false);
        return recorded!;
    }

    /// <summary>Reads the release history of an environment from the remote branch.</summary>
    public static async Task<ReleaseHistory> ReadAsync(IGitOpsRepositoryReader reader, string environment, CancellationToken cancellationToken)
    {
        string path = GitOpsPaths.ReleaseLog(environment);
        GitOpsSnapshot snapshot = await reader.ReadSnapshotAsync([path], cancellationToken).ConfigureAwait(false);
        return ReleaseLog.Parse(environment, snapshot.Read(path));
    }
}
