namespace Slipway.Gates;

/// <summary>What <see cref="ImpactAnalyzer"/> compares: the repository, the environment, the commit it was last deployed from, the saved plan.</summary>
public sealed record ImpactRequest(string RootDirectory, string Environment, string? BaseCommit, string ScratchDirectory)
{
    /// <summary>The run's environments (loaded once by the build): the "after" side.</summary>
    public required Environments.EnvironmentCatalog Catalog { get; init; }

    /// <summary>The saved plan's <c>infra-plan.json</c>; null or missing: no plan.</summary>
    public string? PlanMetadata { get; init; }
}
