using System.Globalization;
using NuGet.Versioning;

namespace Slipway.Freezing.Charts;

/// <summary>
/// Versions as Helm reads them (Masterminds semver): an optional leading <c>v</c>, one to three numbers (<c>1.2</c> is
/// <c>1.2.0</c>), then an optional pre-release and build metadata. Ordering is SemVer 2 precedence.
/// </summary>
public static class HelmVersion
{
    public static bool TryParse(string? text, out SemanticVersion version)
    {
        version = new SemanticVersion(0, 0, 0);
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        string value = text.Trim();
        if (value.StartsWith('v') || value.StartsWith('V'))
        {
            value = value[1..];
        }

        int suffix = value.IndexOfAny(['-', '+']);
        string core = suffix < 0 ? value : value[..suffix];
        string[] parts = core.Split('.');
        if (parts.Length is < 1 or > 3 || parts.Any(p => p.Length == 0 || !p.All(char.IsAsciiDigit)))
        {
            return false;
        }

        string normalized = string.Join('.', parts.Concat(Enumerable.Repeat("0", 3 - parts.Length))) + (suffix < 0 ? string.Empty : value[suffix..]);
        if (!SemanticVersion.TryParse(normalized, out SemanticVersion? parsed))
        {
            return false;
        }

        version = parsed;
        return true;
    }

    /// <summary>A chart version as <c>Chart.yaml</c> requires it: a full SemVer 2 version (<c>1.2.3</c>, <c>1.2.3-rc.1</c>).</summary>
    public static bool IsStrict(string? text) => text is not null && SemanticVersion.TryParse(text, out _);

    internal static int Number(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
}
