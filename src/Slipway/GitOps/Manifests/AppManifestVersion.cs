namespace Slipway.GitOps.Manifests;

/// <summary>What an app manifest in the GitOps repository says runs.</summary>
public sealed record AppManifestVersion(string? Image, string? Tag, int? Replicas)
{
    public string ImageReference => $"{Image}:{Tag}";
}
