namespace Slipway.Environments.Schema;

/// <summary>Free-form data (chart values): any shape is accepted, secret rules still apply.</summary>
public sealed class AnySchema : SchemaNode
{
    public AnySchema(string description)
        : base(description)
    {
    }

    public override string Expected => "any value";

    /// <summary>Whether <c>!null</c> (a null kept by the merge) may be written inside: chart values only.</summary>
    public bool AllowsExplicitNull { get; init; }
}
