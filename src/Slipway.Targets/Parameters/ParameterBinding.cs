namespace Slipway.Targets.Parameters;

/// <summary>What binding found: the problems, the parameters that got a value from a source (not their default), and the secret values to mask.</summary>
internal sealed class ParameterBinding
{
    public List<string> Problems { get; } = [];

    /// <summary>Command-line names (<c>env</c>) of the parameters set from the command line, the environment or a parameters file.</summary>
    public HashSet<string> Bound { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Secrets { get; } = new(StringComparer.Ordinal);
}
