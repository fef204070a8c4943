using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Slipway.LocalCluster.Controllers;

/// <summary>How the local cluster's controllers behave: delays they simulate, where they cache sources, how often they resync.</summary>
public sealed record ControllerOptions
{
    /// <summary>How many nodes (<c>local-node-1</c>…) the cluster has; default 1.</summary>
    public int NodeCount { get; init; } = 1;

    /// <summary>How long a pod takes from creation to Running/Ready (or to its image-pull or crash failure).</summary>
    public TimeSpan PodReadyDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a crashing container restarts (each restart adds one to <c>restartCount</c>).</summary>
    public TimeSpan CrashRestartInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a pod in <c>ImagePullBackOff</c> asks the image catalogue again.</summary>
    public TimeSpan ImagePullRetryInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Where GitRepository sources are fetched to (one bare repository per object), e.g. <c>&lt;state&gt;/sources</c>.</summary>
    public required string SourceCacheDirectory { get; init; }

    /// <summary>
    /// The HTTP server that serves the local cluster's Helm chart repositories (<c>/charts/…/index.yaml</c>, normally the
    /// cluster's own address); null when none is served, so no HelmRepository is reachable.
    /// </summary>
    public Uri? ChartRepositoryAddress { get; init; }

    /// <summary>How long a HelmRelease or Kustomization waits before it looks at a dependency that is not ready again.</summary>
    public TimeSpan DependencyRequeueInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often every controller re-reads every object of its kind, as informers resync.</summary>
    public TimeSpan ResyncPeriod { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often an Argo CD Application is refreshed without any change (Argo CD's <c>timeout.reconciliation</c>, 180 s).</summary>
    public TimeSpan ApplicationRefreshPeriod { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>The longest one git fetch may take.</summary>
    public TimeSpan GitTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where controllers report failed reconciles (they retry by themselves).</summary>
    public ILogger Log { get; init; } = NullLogger.Instance;
}
