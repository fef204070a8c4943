namespace Slipway.Tests.BadInput;

/// <summary>The bad-input cases share one clone and run one at a time (each undoes what it broke).</summary>
[CollectionDefinition(Name)]
public sealed class BadInputCollection : ICollectionFixture<BadInputRepository>
{
    public const string Name = "BadInput";
}
