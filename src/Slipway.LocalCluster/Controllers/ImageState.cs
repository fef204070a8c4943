namespace Slipway.LocalCluster.Controllers;

/// <summary>What the image catalogue says about an image reference, as the simulated kubelet needs it.</summary>
public enum ImageState
{
    /// <summary>The image can be pulled and runs.</summary>
    Present,

    /// <summary>The image cannot be pulled: the pod shows <c>ImagePullBackOff</c>.</summary>
    Missing,

    /// <summary>The image pulls but its container exits: the pod shows <c>CrashLoopBackOff</c>.</summary>
    Crashing,
}
