namespace Slipway.Environments.Schema;

/// <summary>A mapping with a fixed set of keys; other keys are errors (with a "did you mean" hint).</summary>
public sealed class ObjectSchema : SchemaNode
{
    public ObjectSchema(string description, IReadOnlyList<SchemaProperty> properties)
        : base(description)
    {
        Properties = properties.ToDictionary(property => property.Name, StringComparer.Ordinal);
        Order = [.. properties.Select(property => property.Name)];
    }

    public IReadOnlyDictionary<string, SchemaProperty> Properties { get; }

    /// <summary>Key names in documentation order.</summary>
    public IReadOnlyList<string> Order { get; }

    public override string Expected => "a mapping of keys";
}
