using System.Text.RegularExpressions;

namespace Slipway.Environments;

/// <summary>Environment names are folder names: lower-case letters, digits and '-', so no name can leave <c>environments/</c>.</summary>
public static partial class EnvironmentName
{
    public const int MaxLength = 63;

    public static bool IsValid(string? name)
        => name is { Length: > 0 and <= MaxLength } && ValidName().IsMatch(name);

    /// <summary>The reason a name is invalid, phrased as how to fix it.</summary>
    public static string Explain(string name)
        => $"environment name '{name}' is invalid: use 1-{MaxLength} characters of a-z, 0-9 and '-' (not at the start or end), e.g. 'staging' or 'feature-42'";

    /// <summary>Throws a <see cref="SlipwayException"/> (Input) naming the parameter when <paramref name="name"/> is invalid.</summary>
    public static string Require(string? name, string parameter)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw SlipwayException.Input($"{parameter} is required: pass the environment name, e.g. {parameter} staging");
        }

        if (!IsValid(name))
        {
            throw SlipwayException.Input($"{parameter}: {Explain(name)}");
        }

        return name;
    }

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex ValidName();
}
