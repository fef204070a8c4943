namespace Slipway.Cluster;

/// <summary>How to reach a cluster: an API server URL (the local cluster), or a kubeconfig file and context.</summary>
public sealed record ClusterTarget
{
    public Uri? Url { get; init; }

    public string? Kubeconfig { get; init; }

    public string? Context { get; init; }

    /// <summary>Per-request timeout of API calls.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>What to show in messages and the kubectl hint (<c>--kubeconfig … --context …</c>).</summary>
    public string KubectlArguments { get; init; } = string.Empty;

    /// <summary>A local cluster at <paramref name="url"/>; <paramref name="context"/> names it in a kubeconfig several clusters share.</summary>
    public static ClusterTarget ForUrl(Uri url, string kubeconfigPath, string? context = null)
        => new() { Url = url, KubectlArguments = context is null ? $"--kubeconfig {kubeconfigPath}" : $"--kubeconfig {kubeconfigPath} --context {context}" };

    public static ClusterTarget ForKubeconfig(string path, string? context)
        => new() { Kubeconfig = path, Context = context, KubectlArguments = context is null ? $"--kubeconfig {path}" : $"--kubeconfig {path} --context {context}" };

    public override string ToString() => Url?.ToString() ?? $"{Kubeconfig} ({Context ?? "current context"})";
}
