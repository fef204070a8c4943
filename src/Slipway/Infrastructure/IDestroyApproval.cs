namespace Slipway.Infrastructure;

/// <summary>
/// The second key for a destructive apply: after <c>--allow-destroy</c>, protected environments also need
/// the approvals gate. Throw <see cref="SlipwayException"/> with <see cref="FailureKind.Refused"/> to refuse.
/// </summary>
public interface IDestroyApproval
{
    Task EnsureApprovedAsync(string environment, IReadOnlyList<ResourceChange> destructive, CancellationToken cancellationToken);
}
