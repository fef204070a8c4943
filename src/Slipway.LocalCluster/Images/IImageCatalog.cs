namespace Slipway.LocalCluster.Images;

/// <summary>The read side of the local image registry, as the simulated kubelet asks it.</summary>
public interface IImageCatalog
{
    /// <summary>
    /// Looks an image reference up: <c>registry.local/web:staging-123</c>, <c>web:staging-123</c> (the default registry is
    /// <c>registry.local</c>), or <c>registry.local/web@sha256:…</c>. A reference without a tag means <c>latest</c>.
    /// </summary>
    ImageStatus Lookup(string imageRef);
}
