namespace Slipway.Cluster.Connection;

/// <summary>
/// What a local cluster needs: the folder every local cluster shares (<see cref="SlipwayPaths.LocalCluster"/>), the
/// environment whose own cluster it is (state in <c>&lt;folder&gt;/&lt;environment&gt;/</c>), and the images the shared
/// catalogue starts with.
/// </summary>
public sealed record LocalClusterStartRequest(string SharedDirectory, string Environment, IReadOnlyList<string> SeedImages);
