namespace Slipway.GitOps;

/// <summary>An app as the GitOps branch says it runs.</summary>
public sealed record RunningApp(string Name, string? Image, string? Tag, int? Replicas, string Path)
{
    public string ImageReference => $"{Image ?? "?"}:{Tag ?? "?"}";
}
