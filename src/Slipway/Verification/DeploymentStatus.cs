namespace Slipway.Verification;

/// <summary>What Verify reads of a Deployment: the generation it asks for and the replica counts its controller reports.</summary>
public sealed record DeploymentStatus
{
    public required string Namespace { get; init; }

    public required string Name { get; init; }

    /// <summary><c>metadata.generation</c>; 0 when absent.</summary>
    public long Generation { get; init; }

    /// <summary><c>spec.replicas</c>; null when absent (Kubernetes then runs one).</summary>
    public int? DesiredReplicas { get; init; }

    /// <summary><c>status.observedGeneration</c>; 0 when absent, as are the replica counts below.</summary>
    public long ObservedGeneration { get; init; }

    public int Replicas { get; init; }

    public int UpdatedReplicas { get; init; }

    public int AvailableReplicas { get; init; }

    /// <summary><c>status.conditions</c> (Verify looks for <c>Progressing</c>).</summary>
    public IReadOnlyList<StatusCondition> Conditions { get; init; } = [];
}
