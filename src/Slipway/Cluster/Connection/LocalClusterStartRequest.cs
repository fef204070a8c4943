namespace Slipway.Cluster.Connection;

/// <summary>What a local cluster needs: where its state lives, and the images its catalogue starts with.</summary>
public sealed record LocalClusterStartRequest(string StateDirectory, IReadOnlyList<string> SeedImages);
