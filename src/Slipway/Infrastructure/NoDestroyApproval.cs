namespace Slipway.Infrastructure;

/// <summary>For environments without an approvals gate: <c>--allow-destroy</c> alone is enough.</summary>
public sealed class NoDestroyApproval : IDestroyApproval
{
    public static readonly NoDestroyApproval Instance = new();

    public Task EnsureApprovedAsync(string environment, IReadOnlyList<ResourceChange> destructive, CancellationToken cancellationToken)
        => Task.CompletedTask;
}
