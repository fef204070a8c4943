using NuGet.Versioning;
using Slipway.Freezing.Charts;

namespace Slipway.LocalCluster.Charts;

/// <summary>
/// Picks the chart version a HelmRelease asks for from an index, as source-controller does: an exact version string
/// first, otherwise the highest version the constraint allows (<see cref="HelmVersionConstraint"/>). A failure carries
/// source-controller's message, followed by what the index does have (the nearest versions, or the chart names).
/// </summary>
internal static class ChartResolution
{
    private const int Nearest = 3;

    public static (ChartEntry? Entry, string? Error) Resolve(ChartIndex index, string chart, string? version)
    {
        IReadOnlyList<ChartEntry>? versions = index.Versions(chart);
        if (versions is null)
        {
            string known = index.Charts.Count == 0 ? "the index has no charts" : "charts in the index: " + string.Join(", ", index.Charts);
            return (null, $"no chart name found ('{chart}'; {known})");
        }

        if (versions.Count == 0)
        {
            return (null, "no chart version found");
        }

        if (!string.IsNullOrWhiteSpace(version) && versions.FirstOrDefault(e => e.Version == version.Trim()) is ChartEntry exact)
        {
            return (exact, null);
        }

        HelmVersionConstraint constraint;
        try
        {
            constraint = HelmVersionConstraint.Parse(version);
        }
        catch (FormatException improper)
        {
            return (null, improper.Message);
        }

        ChartEntry? best = versions
            .Select(e => (Entry: e, Parsed: HelmVersion.TryParse(e.Version, out SemanticVersion v) ? v : null))
            .Where(x => x.Parsed is not null && constraint.IsSatisfiedBy(x.Parsed))
            .OrderByDescending(x => x.Parsed)
            .ThenByDescending(x => x.Entry.Created, StringComparer.Ordinal)
            .Select(x => x.Entry)
            .FirstOrDefault();
        return best is not null
            ? (best, null)
            : (null, $"no '{chart}' chart with version matching '{constraint.Text}' found (nearest available: {string.Join(", ", NearestTo(versions, constraint.Text))})");
    }

    /// <summary>Up to three versions closest to the first version named in <paramref name="wanted"/> (the newest ones when it names none).</summary>
    public static IReadOnlyList<string> NearestTo(IReadOnlyList<ChartEntry> versions, string wanted)
    {
        var parsed = versions
            .Select(e => (e.Version, Parsed: HelmVersion.TryParse(e.Version, out SemanticVersion v) ? v : null))
            .Where(x => x.Parsed is not null)
            .OrderBy(x => x.Parsed)
            .ToList();
        string digits = new([.. wanted.SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(c => char.IsAsciiDigit(c) || c == '.')]);
        if (!HelmVersion.TryParse(digits.TrimEnd('.'), out SemanticVersion target))
        {
            return [.. parsed.AsEnumerable().Reverse().Take(Nearest).Select(x => x.Version)];
        }

        int at = parsed.FindIndex(x => x.Parsed! >= target);
        at = at < 0 ? parsed.Count : at;
        int from = Math.Clamp(at - (Nearest / 2) - 1, 0, Math.Max(0, parsed.Count - Nearest));
        return [.. parsed.Skip(from).Take(Nearest).Reverse().Select(x => x.Version)];
    }
}
