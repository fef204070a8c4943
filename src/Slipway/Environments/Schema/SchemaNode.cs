namespace Slipway.Environments.Schema;

/// <summary>The expected shape of a value in an environment file; the single source of the validator and of schema.json.</summary>
public abstract class SchemaNode
{
    protected SchemaNode(string description)
    {
        Description = description;
    }

    public string Description { get; }

    /// <summary>What is expected, for messages: "a mapping", "a list", "true or false", ….</summary>
    public abstract string Expected { get; }
}
