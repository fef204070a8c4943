namespace Slipway.Verification;

/// <summary>What Verify checks and how long it waits.</summary>
public sealed record VerifyOptions
{
    /// <summary>The namespaces of the environment (its apps and platform releases); one list call per kind per namespace.</summary>
    public required IReadOnlyList<string> Namespaces { get; init; }

    /// <summary>HTTP(S) endpoints that must answer 2xx once the rollout is complete.</summary>
    public IReadOnlyList<Uri> Endpoints { get; init; } = [];

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a failure that can still clear by itself (ImagePullBackOff, CrashLoopBackOff) may last before Verify gives up early.</summary>
    public TimeSpan FailFastAfter { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Per-request timeout of an endpoint probe.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The environment's own HelmReleases (or Argo CD Applications) as the pushed commit names them. When set, Verify looks only at them and the
    /// workloads they installed (not at every object of <see cref="Namespaces"/>), and each must run the image and chart
    /// version named; when null it checks everything in <see cref="Namespaces"/>.
    /// </summary>
    public IReadOnlyList<ExpectedRelease>? Expected { get; init; }

    /// <summary>Whether to look at every Argo CD Application too (engine argocd) when not scoped by <see cref="Expected"/>.</summary>
    public bool IncludeApplications { get; init; }
}
