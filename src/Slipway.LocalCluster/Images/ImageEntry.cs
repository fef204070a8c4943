namespace Slipway.LocalCluster.Images;

/// <summary>One image in the local catalogue: <c>registry.local/web:staging-123</c> with its manifest digest.</summary>
public sealed record ImageEntry(string Repository, string Tag, string Digest, bool Crash)
{
    public string Reference => $"{Repository}:{Tag}";
}
