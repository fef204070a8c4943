using System.Text.RegularExpressions;

namespace Slipway.GitOps;

/// <summary>
/// The OCI rule for an image tag (<c>[A-Za-z0-9_][A-Za-z0-9._-]{0,127}</c>), shared by Validate (<c>apps.&lt;app&gt;.tag</c>)
/// and SyncApps (<c>--tag</c>) so a tag no registry accepts is refused before anything is written.
/// </summary>
public static partial class ImageTag
{
    /// <summary>The rule as a JSON-schema (ECMAScript) pattern.</summary>
    public const string Pattern = "^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$";

    /// <summary>The rule in words, with examples, for messages.</summary>
    public const string Rule = "use letters, digits, '_', '.' and '-', at most 128 characters, not starting with '.' or '-' (e.g. 1.4.0 or staging-123)";

    public static bool IsValid(string tag) => Grammar().IsMatch(tag);

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex Grammar();
}
