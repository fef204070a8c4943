namespace Slipway.Verification;

/// <summary>
/// One HelmRelease of the environment as the pushed commit names it: Verify looks only at it and the workloads it
/// installed, and reports live only when they run <see cref="Image"/> (apps) and <see cref="ChartVersion"/> (when the
/// commit names an exact version).
/// </summary>
/// <param name="Namespace">The HelmRelease's namespace.</param>
/// <param name="Name">The HelmRelease's name.</param>
/// <param name="Image">The image reference (<c>repository:tag</c>) its pods must run, or null (a platform release's own image).</param>
/// <param name="ChartVersion">The chart version it must run, or null when the commit names none or a range.</param>
/// <param name="Source">Where the commit names it (file at commit), for messages.</param>
public sealed record ExpectedRelease(string Namespace, string Name, string? Image, string? ChartVersion, string Source);
