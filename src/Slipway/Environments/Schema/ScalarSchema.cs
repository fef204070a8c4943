using System.Text.RegularExpressions;

namespace Slipway.Environments.Schema;

/// <summary>A single value: its kind, and optionally allowed values, a minimum, or a pattern.</summary>
public sealed class ScalarSchema : SchemaNode
{
    public ScalarSchema(string description, ScalarKind kind, IReadOnlyList<string>? allowed = null, int? minimum = null, Regex? pattern = null, string? patternHint = null)
        : base(description)
    {
        Kind = kind;
        Allowed = allowed;
        Minimum = minimum;
        Pattern = pattern;
        PatternHint = patternHint;
    }

    public ScalarKind Kind { get; }

    public IReadOnlyList<string>? Allowed { get; }

    public int? Minimum { get; }

    public Regex? Pattern { get; }

    /// <summary>An example of a valid value, for messages.</summary>
    public string? PatternHint { get; }

    public override string Expected => Allowed is not null
        ? "one of " + string.Join(", ", Allowed)
        : Kind switch
        {
            ScalarKind.Boolean => "true or false",
            ScalarKind.Integer => Minimum is { } min ? $"a whole number >= {min}" : "a whole number",
            ScalarKind.Duration or ScalarKind.PositiveDuration => "a duration such as 90s, 5m, 1h",
            ScalarKind.ImageTag => "an image tag such as 1.4.0",
            ScalarKind.BranchName => "a Git branch name such as main",
            ScalarKind.Url => "an http(s) URL",
            ScalarKind.RelativePath => "a path relative to the repository root",
            ScalarKind.Pattern => $"a value like {PatternHint}",
            _ => "a single value",
        };
}
