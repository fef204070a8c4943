namespace Slipway.Gates;

/// <summary>
/// What the CI system says about who approved the change: the change (<see cref="Subject"/>, e.g. "pull request #12"), its
/// author, the approvals that may count, and the ones that do not with why (stale, changes requested since, dismissed).
/// </summary>
public sealed record ApprovalEvidence(string Source, string Subject, string? Author, IReadOnlyList<Approval> Approvals)
{
    /// <summary>Reviews that were seen but do not count, each with its reason ("bob: approved an older commit 1a2b3c4").</summary>
    public IReadOnlyList<string> NotCounted { get; init; } = [];
}
