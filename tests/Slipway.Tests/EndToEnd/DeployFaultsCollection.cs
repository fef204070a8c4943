namespace Slipway.Tests.EndToEnd;

/// <summary>
/// The fault scenarios that drive many <c>./build.sh</c> runs (parallel deploys, Ctrl+C at random points) share one clone, so
/// its build is compiled once; they run one after the other.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DeployFaultsCollection : ICollectionFixture<BuildScriptClone>
{
    public const string Name = "deploy faults";
}
