namespace Slipway.Environments.Schema;

/// <summary>Free-form data (chart values): any shape is accepted, secret rules still apply.</summary>
public sealed class AnySchema : SchemaNode
{
    public AnySchema(string description)
        : base(description)
    {
    }

    public override string Expected => "any value";
}
