namespace Slipway.Environments.Schema;

/// <summary>A mapping from names the user chooses (release names, app names, variables) to values of one shape.</summary>
public sealed class MapSchema : SchemaNode
{
    public MapSchema(string description, SchemaNode values)
        : base(description)
    {
        Values = values;
    }

    public SchemaNode Values { get; }

    public override string Expected => "a mapping of names";
}
