namespace Slipway.Reporting;

/// <summary>
/// A value the run hands to later CI steps: <see cref="Name"/> in kebab case (a GitHub Actions output, e.g.
/// <c>released-tags</c>; on GitLab <c>SLIPWAY_RELEASED_TAGS</c> in slipway.env). A value with several parts is one
/// line per part on GitHub, comma-separated on GitLab (a dotenv value cannot span lines).
/// </summary>
public sealed record CiOutput(string Name, IReadOnlyList<string> Values)
{
    public CiOutput(string name, string value)
        : this(name, [value])
    {
    }

    /// <summary>The dotenv key: <c>released-tags</c> → <c>SLIPWAY_RELEASED_TAGS</c>.</summary>
    public string DotEnvKey => "SLIPWAY_" + Name.Replace('-', '_').ToUpperInvariant();
}
