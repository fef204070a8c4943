namespace Slipway.Targets.Execution;

/// <summary>Asks the pure <see cref="ExecutionPlanner"/> for the plan of the selected targets, evaluating static conditions once each.</summary>
internal static class RunPlanner
{
    public static IReadOnlyList<PlannedTarget> Plan(BuildModel model, TargetSelection selection)
    {
        var staticSkips = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? StaticSkip(string name)
        {
            if (!staticSkips.TryGetValue(name, out string? reason))
            {
                string? condition = TargetExecutor.FirstFalse(model.ByName[name].Definition.StaticConditions);
                staticSkips[name] = reason = condition is null ? null : $"condition false: {condition}";
            }

            return reason;
        }

        return ExecutionPlanner.Plan(new PlanRequest(model.Targets.Select(TargetFactory.ToPlanNode).ToList(), selection.Requested)
        {
            Skip = selection.Skip.ToList(),
            SkipAllButRequested = selection.SkipAllButRequested,
            StaticSkipReason = StaticSkip,
        });
    }
}
