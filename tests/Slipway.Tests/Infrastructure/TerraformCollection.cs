namespace Slipway.Tests.Infrastructure;

/// <summary>Terraform tests share one stack copy and run one after another (they share its <c>.terraform</c> folder).</summary>
[CollectionDefinition(Name)]
public sealed class TerraformCollection : ICollectionFixture<StackCopy>
{
    public const string Name = "terraform";
}
