using System.Text.RegularExpressions;
using NuGet.Versioning;

namespace Slipway.Freezing.Charts;

/// <summary>
/// A chart version constraint with the rules Helm and Flux use (Masterminds semver v3): <c>||</c> between alternatives,
/// commas or spaces between terms that must all hold; operators <c>=</c>, <c>!=</c>, <c>&gt;</c>, <c>&gt;=</c>,
/// <c>&lt;</c>, <c>&lt;=</c>, <c>~</c> (patch-level: <c>~1.2.3</c> is <c>&gt;=1.2.3 &lt;1.3.0</c>, <c>~1</c> is
/// <c>&gt;=1 &lt;2</c>), <c>^</c> (<c>^1.2</c> is <c>&gt;=1.2 &lt;2</c>, <c>^0.2.3</c> is <c>&gt;=0.2.3 &lt;0.3.0</c>),
/// wildcards <c>1.2.x</c>, <c>1.*</c>, <c>*</c>, partial versions (<c>1.2</c> is <c>1.2.x</c>) and hyphen ranges
/// (<c>1.2 - 1.4.5</c>). A pre-release version matches a term only when that term names a pre-release, unless the caller
/// includes pre-releases; then ranges read as npm's <c>includePrerelease</c> reads them: <c>3.x</c> admits <c>3.0.0-rc.1</c>,
/// <c>^1.2</c> admits <c>1.3.0-rc.1</c> but not <c>2.0.0-rc.1</c>.
/// </summary>
public sealed partial class HelmVersionConstraint
{
    private readonly IReadOnlyList<IReadOnlyList<Term>> _alternatives;

    private HelmVersionConstraint(string text, IReadOnlyList<IReadOnlyList<Term>> alternatives)
    {
        Text = text;
        _alternatives = alternatives;
    }

    public string Text { get; }

    /// <summary>Parses a constraint; an empty one is <c>*</c> (the latest release).</summary>
    /// <exception cref="FormatException"><c>improper constraint: …</c>, as Helm says.</exception>
    public static HelmVersionConstraint Parse(string? text)
    {
        string value = string.IsNullOrWhiteSpace(text) ? "*" : text.Trim();
        var alternatives = new List<IReadOnlyList<Term>>();
        foreach (string alternative in value.Split("||"))
        {
            string joined = OperatorSpace().Replace(Hyphen().Replace(alternative.Trim(), ">=$1,<=$2"), "$1");
            string[] tokens = joined.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length == 0)
            {
                throw new FormatException($"improper constraint: {value}");
            }

            alternatives.Add([.. tokens.Select(t => Term.Parse(t) ?? throw new FormatException($"improper constraint: {value}"))]);
        }

        return new HelmVersionConstraint(value, alternatives);
    }

    public bool IsSatisfiedBy(SemanticVersion version, bool includePrerelease = false)
        => _alternatives.Any(all => all.All(term => term.Matches(version, includePrerelease)));

    [GeneratedRegex(@"(\S+)\s+-\s+(\S+)")]
    private static partial Regex Hyphen();

    [GeneratedRegex(@"(>=|<=|=>|=<|!=|~>|>|<|=|~|\^)\s+")]
    private static partial Regex OperatorSpace();

    [GeneratedRegex(@"^(=|!=|>=|=>|<=|=<|>|<|~>|~|\^)?v?(x|X|\*|\d+)(?:\.(x|X|\*|\d+))?(?:\.(x|X|\*|\d+))?(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$")]
    private static partial Regex TermPattern();

    /// <summary>One operator and version; <see cref="Wild"/> is how many of minor and patch are wildcards or missing (0–2), 3 when the major is.</summary>
    private sealed record Term(string Operator, SemanticVersion Version, int Wild)
    {
        public static Term? Parse(string token)
        {
            Match match = TermPattern().Match(token);
            if (!match.Success)
            {
                return null;
            }

            string[] numbers = [match.Groups[2].Value, match.Groups[3].Value, match.Groups[4].Value];
            int firstWild = Array.FindIndex(numbers, n => n.Length == 0 || !char.IsAsciiDigit(n[0]));
            int wild = firstWild < 0 ? 0 : firstWild == 0 ? 3 : 3 - firstWild;
            int Part(int i) => firstWild >= 0 && i >= firstWild ? 0 : HelmVersion.Number(numbers[i]);
            string pre = match.Groups[5].Value.TrimStart('-');
            var version = new SemanticVersion(Part(0), Part(1), Part(2), pre.Length == 0 ? null : pre);
            string op = match.Groups[1].Value switch { "" => "=", "=>" => ">=", "=<" => "<=", "~>" => "~", string other => other };
            return new Term(op, version, wild);
        }

        public bool Matches(SemanticVersion v, bool includePrerelease)
        {
            if (v.IsPrerelease && !Version.IsPrerelease && !includePrerelease)
            {
                return false;
            }

            if (Wild == 3)
            {
                return Operator is not ("!=" or "<" or ">");
            }

            // Including pre-releases reads ranges as npm does: a wildcard starts at its first pre-release (3.x admits 3.0.0-rc.1) and
            // an implied upper bound stops before the next one's (^1.2 does not admit 2.0.0-rc.1).
            SemanticVersion lower = includePrerelease && Wild > 0 ? First(Version) : Version;
            SemanticVersion wildUpper = includePrerelease ? First(WildUpper) : WildUpper;
            return Operator switch
            {
                "=" => Wild == 0 ? v.CompareTo(Version) == 0 : v >= lower && v < wildUpper,
                "!=" => Wild == 0 ? v.CompareTo(Version) != 0 : !(v >= lower && v < wildUpper),
                ">" => Wild == 0 ? v > Version : v >= wildUpper,
                ">=" => v >= lower,
                "<" => v < lower,
                "<=" => Wild == 0 ? v <= Version : v < wildUpper,
                "~" => v >= lower && v < (includePrerelease ? First(TildeUpper) : TildeUpper),
                "^" => v >= lower && v < (includePrerelease ? First(CaretUpper) : CaretUpper),
                _ => false,
            };
        }

        /// <summary>The lowest pre-release of a version's release: 2.0.0 → 2.0.0-0.</summary>
        private static SemanticVersion First(SemanticVersion release) => release.IsPrerelease ? release : new(release.Major, release.Minor, release.Patch, "0");

        /// <summary>The first version past a wildcard: <c>1.2.x</c> → 1.3.0, <c>1.x</c> → 2.0.0.</summary>
        private SemanticVersion WildUpper => Wild == 1 ? new(Version.Major, Version.Minor + 1, 0) : new(Version.Major + 1, 0, 0);

        private SemanticVersion TildeUpper => Wild >= 2 ? new(Version.Major + 1, 0, 0) : new(Version.Major, Version.Minor + 1, 0);

        private SemanticVersion CaretUpper => (Version.Major, Version.Minor, Wild) switch
        {
            ( > 0, _, _) => new(Version.Major + 1, 0, 0),
            (0, _, 2) => new(1, 0, 0),
            (0, > 0, _) => new(0, Version.Minor + 1, 0),
            (0, 0, 1) => new(0, 1, 0),
            _ => new(0, 0, Version.Patch + 1),
        };
    }
}
