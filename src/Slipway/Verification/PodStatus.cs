namespace Slipway.Verification;

/// <summary>What Verify reads of a pod: the statuses of its init containers and of its containers, in the pod's order.</summary>
public sealed record PodStatus(string Namespace, string Name, IReadOnlyList<ContainerStatus> InitContainers, IReadOnlyList<ContainerStatus> Containers)
{
    /// <summary>The newest Warning Event about a failing pod (<c>Reason: message</c>), when the reader looked one up.</summary>
    public string? LastWarning { get; init; }
}
