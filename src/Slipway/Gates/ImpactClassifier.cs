using Slipway.Infrastructure;

namespace Slipway.Gates;

/// <summary>
/// Classifies changes: <c>infra/</c> files and <c>infrastructure.*</c>, <c>cluster.*</c>, <c>gitops.*</c> keys are high risk,
/// <c>platform.*</c> medium, <c>apps.*</c> and the rest (gates, verify, rollback, description) low; a saved plan with changes is
/// high, one that replaces or deletes critical. Values are shown only for tags and versions (others may be sensitive).
/// </summary>
public static class ImpactClassifier
{
    public static IReadOnlyList<ImpactItem> Keys(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        var changed = before.Keys.Union(after.Keys, StringComparer.Ordinal)
            .Where(key => before.GetValueOrDefault(key) != after.GetValueOrDefault(key))
            .GroupBy(Component, StringComparer.Ordinal);
        return changed.Select(group => new ImpactItem(group.Key, Risk(group.Key), string.Join("; ", group.Select(key => Change(key, before.GetValueOrDefault(key), after.GetValueOrDefault(key)))))).ToArray();
    }

    public static ImpactItem? Plan(PlanMetadata plan)
        => plan is { HasChanges: true, RefreshOnly: false }
            ? new ImpactItem("infrastructure plan", plan.Risk == RiskLevel.High ? ChangeRisk.Critical : ChangeRisk.High,
                plan.Risk == RiskLevel.High
                    ? $"replaces or deletes {string.Join(", ", plan.Destructive.Select(static d => d.Address))}"
                    : $"the saved plan creates {plan.Counts.Create}, updates {plan.Counts.Update}, forgets {plan.Counts.Forget}")
            : null;

    public static ImpactItem File(string path) => new(path, ChangeRisk.High, "infrastructure code changed");

    public static bool IsInfraFile(string path) => path.StartsWith("infra/", StringComparison.Ordinal);

    private static string Component(string key)
    {
        string[] parts = key.Split('.');
        return parts switch
        {
            ["apps", string app, ..] => $"apps.{app}",
            ["platform", "releases", string release, ..] => $"platform.releases.{release}",
            [string first, ..] => first,
            _ => key,
        };
    }

    private static ChangeRisk Risk(string component) => component.Split('.')[0] switch
    {
        "infrastructure" or "cluster" or "gitops" => ChangeRisk.High,
        "platform" => ChangeRisk.Medium,
        _ => ChangeRisk.Low,
    };

    private static string Change(string key, string? before, string? after)
    {
        bool shown = key.EndsWith(".tag", StringComparison.Ordinal) || key.EndsWith(".version", StringComparison.Ordinal);
        return (before, after) switch
        {
            (null, _) => shown ? $"{key} = {after} (new)" : $"{key} added",
            (_, null) => $"{key} removed",
            _ => shown ? $"{key} {before} -> {after}" : $"{key} changed",
        };
    }
}
