using System.Globalization;
using System.Text.RegularExpressions;
using NuGet.Versioning;

namespace Slipway.Freezing.Modules;

/// <summary>
/// A Terraform version constraint (hashicorp/go-version, as Terraform reads a module's <c>version</c>): terms joined by
/// commas, all of which must hold; operators <c>=</c> (or none), <c>!=</c>, <c>&gt;</c>, <c>&gt;=</c>, <c>&lt;</c>,
/// <c>&lt;=</c> and <c>~&gt;</c>, which lets only the rightmost written part grow (<c>~&gt; 3.0</c> is <c>&gt;= 3.0.0, &lt; 4.0.0</c>,
/// <c>~&gt; 3.0.1</c> is <c>&gt;= 3.0.1, &lt; 3.1.0</c>). A pre-release is chosen only by an exact term naming it, as Terraform does.
/// </summary>
internal sealed partial class TerraformConstraint
{
    private readonly IReadOnlyList<Term> _terms;

    private TerraformConstraint(IReadOnlyList<Term> terms)
    {
        _terms = terms;
    }

    /// <summary>Parses a constraint; an empty one admits every release.</summary>
    /// <exception cref="FormatException">Names the term that is not one.</exception>
    public static TerraformConstraint Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new TerraformConstraint([]);
        }

        var terms = new List<Term>();
        foreach (string part in text.Split(','))
        {
            Match match = TermPattern().Match(part.Trim());
            if (!match.Success)
            {
                throw new FormatException($"'{part.Trim()}' is not a version constraint (write '~> 3.0', '>= 1.2, < 2.0', '= 1.2.3' or '!= 1.2.4')");
            }

            int[] numbers = [.. match.Groups["numbers"].Value.Split('.').Select(static n => int.Parse(n, NumberStyles.None, CultureInfo.InvariantCulture))];
            string pre = match.Groups["pre"].Value;
            var version = new SemanticVersion(numbers[0], numbers.ElementAtOrDefault(1), numbers.ElementAtOrDefault(2), pre.Length == 0 ? null : pre);
            string op = match.Groups["op"].Value is { Length: > 0 } written ? written : "=";
            terms.Add(new Term(op, version, numbers.Length));
        }

        return new TerraformConstraint(terms);
    }

    public bool IsSatisfiedBy(SemanticVersion version)
        => (!version.IsPrerelease || _terms.Any(t => t.Operator == "=" && t.Version.Equals(version))) && _terms.All(t => t.Matches(version));

    [GeneratedRegex(@"^(?<op>~>|>=|<=|!=|=|>|<)?\s*v?(?<numbers>\d+(?:\.\d+){0,2})(?:-(?<pre>[0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$")]
    private static partial Regex TermPattern();

    /// <summary>One operator and version; <see cref="Parts"/> is how many of major, minor and patch were written.</summary>
    private sealed record Term(string Operator, SemanticVersion Version, int Parts)
    {
        public bool Matches(SemanticVersion v) => Operator switch
        {
            "=" => v.Equals(Version),
            "!=" => !v.Equals(Version),
            ">" => v > Version,
            ">=" => v >= Version,
            "<" => v < Version,
            "<=" => v <= Version,
            "~>" => v >= Version && v < PessimisticUpper,
            _ => false,
        };

        /// <summary><c>~&gt; 3</c> has none (any 3 or later), <c>~&gt; 3.0</c> 4.0.0, <c>~&gt; 3.0.1</c> 3.1.0.</summary>
        private SemanticVersion PessimisticUpper => Parts switch
        {
            1 => new SemanticVersion(int.MaxValue, 0, 0),
            2 => new SemanticVersion(Version.Major + 1, 0, 0),
            _ => new SemanticVersion(Version.Major, Version.Minor + 1, 0),
        };
    }
}
