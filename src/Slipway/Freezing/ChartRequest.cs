namespace Slipway.Freezing;

/// <summary>
/// A chart version to resolve: <paramref name="Range"/> as the environment wrote it (<c>4.11.x</c>, <c>^1.2.0</c>,
/// <c>&gt;=1.2 &lt;2</c>, <c>*</c> or an exact version) against the Helm repository <paramref name="Repository"/>
/// (its upstream URL as configured: <c>https://…</c>, <c>oci://…</c> or a local path). Pre-releases only when
/// <paramref name="IncludePrerelease"/> or when the range itself names one, as Helm does.
/// </summary>
public sealed record ChartRequest(string Name, string Repository, string Range, bool IncludePrerelease = false);
