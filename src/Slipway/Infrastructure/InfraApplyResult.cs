namespace Slipway.Infrastructure;

/// <summary>What <see cref="InfraApplier.ApplyAsync"/> did, and the stack's outputs for later targets.</summary>
public sealed record InfraApplyResult(
    bool Applied,
    PlanClassification Classification,
    IReadOnlyDictionary<string, string> Outputs,
    string OutputsFile)
{
    public string Summary => Applied
        ? $"Applied the reviewed plan: {Classification.Counts.Create} created, {Classification.Counts.Update} updated, {Classification.Counts.Replace} replaced, {Classification.Counts.Delete} deleted."
        : "No changes: nothing was applied.";
}
