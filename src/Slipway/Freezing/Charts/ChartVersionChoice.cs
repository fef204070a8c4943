using NuGet.Versioning;

namespace Slipway.Freezing.Charts;

/// <summary>
/// Picks the version a chart range asks for among those a repository lists, as Helm does: a version written exactly
/// as the range first, otherwise the highest one <see cref="HelmVersionConstraint"/> admits. When none does, the error
/// says why: only pre-releases would (and how to ask for them), or which versions are nearest below and above.
/// </summary>
internal static class ChartVersionChoice
{
    private const int Nearest = 3;

    /// <exception cref="SlipwayException"><see cref="FailureKind.Input"/>: a range that is not one, or no version that satisfies it.</exception>
    public static string Choose(ChartRequest request, IReadOnlyList<string> available, string source)
    {
        string range = request.Range.Trim();
        if (available.FirstOrDefault(v => string.Equals(v, range, StringComparison.Ordinal)) is string exact)
        {
            return exact;
        }

        HelmVersionConstraint constraint = Parse(request);
        List<(string Text, SemanticVersion Version)> versions = [.. available
            .Select(v => (Text: v, Parsed: HelmVersion.TryParse(v, out SemanticVersion parsed) ? parsed : null))
            .Where(static v => v.Parsed is not null)
            .Select(static v => (v.Text, v.Parsed!))
            .OrderBy(static v => v.Item2)];
        if (versions.LastOrDefault(v => constraint.IsSatisfiedBy(v.Version, request.IncludePrerelease)) is { Text: not null } best)
        {
            return best.Text;
        }

        if (versions.LastOrDefault(v => constraint.IsSatisfiedBy(v.Version, includePrerelease: true)) is { Text: not null } pre)
        {
            throw SlipwayException.Input(
                $"Chart '{request.Name}' range '{range}': only pre-releases satisfy it (the newest is {pre.Text}) in {source}, and pre-releases are left out "
                + $"unless asked for: name a pre-release in the range (the version '{pre.Text}' itself, or a bound such as '~{pre.Version.Major}.{pre.Version.Minor}.{pre.Version.Patch}-0') or allow pre-releases for this chart.");
        }

        throw SlipwayException.Input($"Chart '{request.Name}': no version satisfies '{range}' in {source}; {NearestText(versions, range)}.");
    }

    /// <summary>Parses the request's range.</summary>
    /// <exception cref="SlipwayException"><see cref="FailureKind.Input"/>: the range is not a Helm version range.</exception>
    public static HelmVersionConstraint Parse(ChartRequest request)
    {
        try
        {
            return HelmVersionConstraint.Parse(request.Range);
        }
        catch (FormatException improper)
        {
            throw SlipwayException.Input(
                $"Chart '{request.Name}': '{request.Range}' is not a Helm version range ({improper.Message}); write an exact version (1.2.3), a wildcard (4.11.x), "
                + "a caret or tilde range (^1.2.0, ~1.2.3), comparisons (>=1.2 <2) or alternatives joined by ||.");
        }
    }

    /// <summary>"nearest available: 1.3.2, 1.3.1, 1.3.0 below; 2.0.0, 2.1.0 above" around the first version the range names (any syntax).</summary>
    internal static string NearestText(List<(string Text, SemanticVersion Version)> versions, string range)
    {
        if (versions.Count == 0)
        {
            return "the repository lists no release of it";
        }

        var releases = versions.Where(static v => !v.Version.IsPrerelease).ToList();
        releases = releases.Count == 0 ? versions : releases;
        string digits = new([.. range.SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(c => char.IsAsciiDigit(c) || c == '.')]);
        if (!HelmVersion.TryParse(digits.TrimEnd('.'), out SemanticVersion target))
        {
            return "newest available: " + string.Join(", ", releases.AsEnumerable().Reverse().Take(Nearest).Select(static v => v.Text));
        }

        IEnumerable<string> below = releases.Where(v => v.Version < target).Reverse().Take(Nearest).Select(static v => v.Text);
        IEnumerable<string> above = releases.Where(v => v.Version >= target).Take(Nearest).Select(static v => v.Text);
        string Part(IEnumerable<string> list, string where) => list.Any() ? $"{string.Join(", ", list)} {where}" : $"none {where}";
        return $"nearest available: {Part(below, "below")}; {Part(above, "above")}";
    }
}
