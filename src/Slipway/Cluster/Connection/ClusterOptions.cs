namespace Slipway.Cluster.Connection;

/// <summary>Which cluster an environment runs on: the embedded local cluster, or a kubeconfig file and context.</summary>
public sealed record ClusterOptions
{
    /// <summary>The environment, for messages.</summary>
    public required string Environment { get; init; }

    /// <summary>The repository's own local cluster (started by this run, or joined when another run serves it).</summary>
    public bool Local { get; init; }

    public string? Kubeconfig { get; init; }

    public string? Context { get; init; }

    /// <summary>The images a local cluster's catalogue starts with (what CI would have published); unused for a kubeconfig.</summary>
    public IReadOnlyList<string> SeedImages { get; init; } = [];
}
