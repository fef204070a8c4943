namespace Slipway.Targets.Cli;

/// <summary>The command line split into positional targets and options (each with the token used and its values).</summary>
internal sealed class ParsedArguments
{
    public List<string> Targets { get; } = [];

    /// <summary>Options keyed by normalised name (see <c>NameConvention.Normalize</c>).</summary>
    public Dictionary<string, ParsedOption> Options { get; } = new(StringComparer.Ordinal);

    public bool Has(string normalizedName) => Options.ContainsKey(normalizedName);

    public IReadOnlyList<string> Values(string normalizedName)
        => Options.TryGetValue(normalizedName, out ParsedOption? option) ? option.Values : [];

    public string? Single(string normalizedName)
    {
        IReadOnlyList<string> values = Values(normalizedName);
        return values.Count switch
        {
            0 => null,
            1 => values[0],
            _ => throw new BuildException($"Option '{Options[normalizedName].Token}' takes one value but got {values.Count}.", ExitCodes.BadInput),
        };
    }
}
