namespace Slipway.Environments.Yaml;

/// <summary>
/// A node of an environment's configuration tree, with the place that wrote it. Scalars and sequences read from a
/// file are immutable and shared between resolutions; mappings built by a merge are new objects.
/// </summary>
public abstract class ConfigNode
{
    protected ConfigNode(SourceLocation location)
    {
        Location = location;
    }

    public SourceLocation Location { get; }

    /// <summary>The kind of node, for messages: "mapping", "list" or "scalar".</summary>
    public abstract string KindName { get; }
}
