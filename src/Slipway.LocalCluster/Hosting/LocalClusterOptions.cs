namespace Slipway.LocalCluster.Hosting;

/// <summary>How to run the local cluster: where its state lives, the port, the simulated delays, and its controllers.</summary>
public sealed record LocalClusterOptions
{
    /// <summary>The image catalogue's file name in the state directory.</summary>
    public const string ImageCatalogFileName = "images.yaml";

    /// <summary>Where state, lock, endpoint and kubeconfig live; normally <c>&lt;root&gt;/.nuke/temp/local-cluster</c>.</summary>
    public required string StateDirectory { get; init; }

    /// <summary>The port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>How many nodes the cluster has (the nodes controller creates them).</summary>
    public int NodeCount { get; init; } = 1;

    /// <summary>How long a pod takes to become Running/Ready.</summary>
    public TimeSpan PodReadyDelay { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>The image catalogue file; default <c>&lt;StateDirectory&gt;/</c><see cref="ImageCatalogFileName"/>.</summary>
    public string? ImageCatalogPath { get; init; }

    /// <summary>Images (<c>registry.local/web:1.0</c>, <c>web:1.0</c>) put into a catalogue that does not exist yet.</summary>
    public IReadOnlyList<string> SeedImages { get; init; } = [];

    /// <summary>How long to wait for another process's lock when that process cannot be reached; then it fails.</summary>
    public TimeSpan LockWait { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a serving process, when it is asked to stop, waits for other runs still using its cluster (they hold
    /// <c>clients.lock</c>) before it stops anyway.
    /// </summary>
    public TimeSpan ClientsWait { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>How long after a change the state is written (changes in between are written together).</summary>
    public TimeSpan SaveDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How many changes a watch can replay; a watch from an older resourceVersion gets 410 Gone.</summary>
    public int WatchHistory { get; init; } = Store.InMemoryResourceStore.DefaultHistoryCapacity;

    /// <summary>How often a watch that allows bookmarks (<c>allowWatchBookmarks=true</c>) gets a BOOKMARK with the newest resourceVersion.</summary>
    public TimeSpan WatchBookmarkInterval { get; init; } = TimeSpan.FromMinutes(1);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The command a user runs to set an unreadable state aside and start empty (named in that error).</summary>
    public string ResetCommand { get; init; } = "./build.sh LocalCluster --reset";

    /// <summary>
    /// The controllers to run while this process serves the cluster: each factory is called once the store is loaded,
    /// and its controller runs in the background until the handle is disposed.
    /// </summary>
    public IReadOnlyList<Func<LocalClusterContext, IClusterController>> Controllers { get; init; } = [];

    /// <summary>
    /// The Helm chart mirror served at <c>/charts/</c> (see <see cref="Charts.ChartMirror"/>); default the repository's
    /// <c>local-cluster/charts</c> found above <see cref="StateDirectory"/>. Without one no chart repository is reachable.
    /// </summary>
    public string? ChartMirrorDirectory { get; init; }

    public string? ResolvedChartMirrorDirectory => ChartMirrorDirectory ?? Charts.ChartMirror.Locate(StateDirectory);

    public string ResolvedImageCatalogPath => ImageCatalogPath ?? Path.Combine(StateDirectory, ImageCatalogFileName);

    /// <summary>
    /// The kubeconfig file the cluster's context is written to; default <c>&lt;StateDirectory&gt;/kubeconfig</c>. Several
    /// clusters may share one file (each its own <see cref="ContextName"/>): it is merged under <c>kubeconfig.lock</c>.
    /// </summary>
    public string? KubeconfigPath { get; init; }

    public string ResolvedKubeconfigPath => KubeconfigPath ?? Path.Combine(StateDirectory, Kubeconfig.FileName);

    /// <summary>The name of the cluster, context and user in the kubeconfig (as kind names them <c>kind-&lt;name&gt;</c>).</summary>
    public string ContextName { get; init; } = Kubeconfig.DefaultContextName;
}
