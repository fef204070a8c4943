using Slipway.Infrastructure;

namespace Slipway.Tests.Infrastructure;

internal sealed class RecordingDestroyApproval(bool approve) : IDestroyApproval
{
    public List<ResourceChange> Seen { get; } = [];

    public Task EnsureApprovedAsync(string environment, IReadOnlyList<ResourceChange> destructive, CancellationToken cancellationToken)
    {
        Seen.AddRange(destructive);
        return approve ? Task.CompletedTask : throw SlipwayException.Refused($"Destroying in '{environment}' needs approval.");
    }
}
