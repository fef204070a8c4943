namespace Slipway.Freezing;

/// <summary>
/// Resolves chart ranges against Helm repository indexes (<c>index.yaml</c>). Each repository's index is fetched once per
/// resolver instance, however many concurrent calls ask for it. Failures are <see cref="SlipwayException"/>s: an
/// unreachable repository is <see cref="FailureKind.Failed"/> naming the URL; no matching version (listing the nearest
/// ones), a malformed index or a range only pre-releases satisfy is <see cref="FailureKind.Input"/>.
/// </summary>
public interface IChartResolver
{
    Task<ResolvedChart> ResolveAsync(ChartRequest request, CancellationToken cancellationToken);
}
