namespace Slipway.Environments.Yaml;

/// <summary>A list. <see cref="Append"/> is set by the <c>!append</c> tag: merged after the inherited list instead of replacing it.</summary>
public sealed class ConfigSequence : ConfigNode
{
    public ConfigSequence(IReadOnlyList<ConfigNode> items, bool append, SourceLocation location)
        : base(location)
    {
        Items = items;
        Append = append;
    }

    public IReadOnlyList<ConfigNode> Items { get; }

    public bool Append { get; }

    /// <summary>Tagged <c>!replace</c>: replaces the inherited list (what an untagged list does too; written to say so).</summary>
    public bool Replace { get; init; }

    public override string KindName => "list";
}
