namespace Slipway.Infrastructure;

/// <summary>
/// Puts together the classification of a plan from what <c>plan -json</c> streamed and what the saved plan file
/// records, and refuses to when the two disagree in any count: then <c>show -json</c> decides, as before. The result is
/// what <see cref="PlanClassifier"/> makes of <c>show -json</c>: the same counts, and the destructive changes and drift
/// in its order (terraform's address order).
/// </summary>
internal static class StreamedPlanClassification
{
    /// <summary>The classification, or null and why not.</summary>
    public static (PlanClassification? Classification, string? Disagreement) Combine(PlanStream stream, SavedPlan? saved)
    {
        string? disagreement = Disagreement(stream, saved);
        if (disagreement is not null)
        {
            return (null, disagreement);
        }

        var classification = new PlanClassification(
            stream.Counts with { NoOp = saved!.Counts.NoOp },
            InShowOrder(stream.Destructive),
            InShowOrder(stream.Drift),
            stream.OutputChanges,
            saved.Errored,
            saved.Applyable);
        return (classification, null);
    }

    private static string? Disagreement(PlanStream stream, SavedPlan? saved)
    {
        if (saved is null)
        {
            return $"the saved plan file is not in the format this version of Slipway reads (tfplan version {SavedPlanFile.SupportedVersion})";
        }

        if (stream.Summary is not { } summary)
        {
            return "terraform streamed no change summary";
        }

        if (stream.Unrecognized > 0 || saved.UnknownActions > 0)
        {
            return $"{stream.Unrecognized + saved.UnknownActions} change(s) have an action Slipway does not know";
        }

        PlanCounts streamed = stream.Counts;
        PlanCounts recorded = saved.Counts;
        if (streamed with { NoOp = 0 } != recorded with { NoOp = 0 } || streamed.NoOp > recorded.NoOp)
        {
            return $"the streamed changes ({streamed}) differ from the saved plan's ({recorded})";
        }

        if (summary.Add != streamed.Create + streamed.Replace || summary.Change != streamed.Update || summary.Remove != streamed.Delete + streamed.Replace)
        {
            return $"terraform's summary ({summary}) differs from the streamed changes ({streamed})";
        }

        if (stream.Drift.Count != saved.Drift)
        {
            return $"{stream.Drift.Count} drifted resource(s) streamed, the saved plan records {saved.Drift}";
        }

        return null;
    }

    /// <summary>
    /// show -json sorts by address, then by deposed key (the current object first). The stream does not name the deposed
    /// key; a deposed object's change is a delete without a reason, so for one address other actions come first, then
    /// deletes with a reason, then those without — the same order, as entries that tie are equal.
    /// </summary>
    private static List<ResourceChange> InShowOrder(IReadOnlyList<ResourceChange> changes)
        => [.. changes
            .OrderBy(static c => c.Address, TerraformAddress.Comparer)
            .ThenBy(static c => c.Action != PlanAction.Delete ? 0 : c.Reason is not null ? 1 : 2)];
}
