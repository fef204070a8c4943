namespace Slipway.Infrastructure;

/// <summary>
/// <c>plan -json</c> names the reason for a change differently from <c>show -json</c>'s <c>action_reason</c>
/// (terraform 1.11, <c>views/json/change.go</c> and <c>jsonplan/plan.go</c>): the report shows the latter, so the
/// stream's names are mapped to it. The delete and read reasons are spelled the same in both.
/// </summary>
internal static class PlanStreamReasons
{
    public static string? ToShowJson(string? reason) => reason switch
    {
        null or "" => null,
        "tainted" => "replace_because_tainted",
        "requested" => "replace_by_request",
        "cannot_update" => "replace_because_cannot_update",
        "replace_triggered_by" => "replace_by_triggers",
        _ => reason,
    };
}
