namespace Slipway.Releases;

/// <summary>A Deployment an emergency stop scaled to zero (<c>--scale-down</c>), with the replica count Resume restores.</summary>
public sealed record ScaledDeployment
{
    public required string Environment { get; init; }

    public required string App { get; init; }

    public required string Namespace { get; init; }

    public required string Deployment { get; init; }

    /// <summary><c>spec.replicas</c> before the stop.</summary>
    public required int Replicas { get; init; }

    public override string ToString() => $"{Namespace}/{Deployment} (was {Replicas} replica{(Replicas == 1 ? string.Empty : "s")})";
}
