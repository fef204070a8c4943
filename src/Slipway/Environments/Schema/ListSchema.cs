namespace Slipway.Environments.Schema;

/// <summary>A list of items of one shape.</summary>
public sealed class ListSchema : SchemaNode
{
    public ListSchema(string description, SchemaNode items)
        : base(description)
    {
        Items = items;
    }

    public SchemaNode Items { get; }

    public override string Expected => "a list";
}
