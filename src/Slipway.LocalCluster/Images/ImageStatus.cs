namespace Slipway.LocalCluster.Images;

/// <summary>What the image catalogue says about an image reference.</summary>
public enum ImageStatus
{
    /// <summary>The image is in the catalogue and runs.</summary>
    Present,

    /// <summary>The image is not in the catalogue: a pod using it shows <c>ImagePullBackOff</c>.</summary>
    Missing,

    /// <summary>The image is in the catalogue but marked crashing: a pod using it shows <c>CrashLoopBackOff</c>.</summary>
    Crashing,
}
