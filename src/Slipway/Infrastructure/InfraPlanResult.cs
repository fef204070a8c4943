namespace Slipway.Infrastructure;

/// <summary>What <see cref="InfraPlanner.PlanAsync"/> made: the classified plan, the files written and how to read the outcome.</summary>
public sealed record InfraPlanResult(
    PlanMetadata Metadata,
    PlanClassification Classification,
    string PlanFile,
    string MetadataFile,
    string MarkdownFile,
    int PlanExitCode)
{
    /// <summary>Whether the classification came from <c>plan -json</c>'s stream or from <c>show -json</c>.</summary>
    public PlanClassificationSource ClassifiedFrom { get; init; } = PlanClassificationSource.PlanStream;

    public bool HasChanges => Metadata.HasChanges;

    public RiskLevel Risk => Metadata.Risk;

    /// <summary>The meaning of terraform's <c>-detailed-exitcode</c>: 0 no changes, 2 changes present.</summary>
    public string ExitCodeMeaning => PlanExitCode == 2 ? "2: changes present" : "0: no changes";

    public string Table => PlanReport.FormatTable(Metadata);
}
