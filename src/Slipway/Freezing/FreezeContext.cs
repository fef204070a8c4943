using Slipway.Cluster.Connection;

namespace Slipway.Freezing;

/// <summary>
/// What <see cref="EnvironmentFreeze"/> needs from its host: the repository, the clock, the log, how to make the resolvers
/// for an environment's freeze settings and mirror map (its registry logins resolved by the host), and how to start the local cluster whose chart mirror and registry a <c>local</c> mirror names
/// (with the images its catalogue starts with on a fresh machine).
/// </summary>
public sealed record FreezeContext(string RepositoryRoot, TimeProvider Time, ILog Log, Func<FreezeSettings, MirrorMap, FreezeResolvers> Resolvers)
{
    public ILocalClusterStarter? LocalClusters { get; init; }

    public IReadOnlyList<string> SeedImages { get; init; } = [];

    /// <summary>The local cluster Freeze starts for an environment that has none of its own (its state: <c>.nuke/temp/local-cluster/freeze-mirror/</c>).</summary>
    public const string MirrorClusterName = "freeze-mirror";
}
