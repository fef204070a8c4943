namespace Slipway.Gates;

/// <summary>
/// The one place the gates of an environment are judged, before the first write of every target that writes to it:
/// branch, windows and freezes, promotion and cooling, approvals. A rollback is judged on branch and approvals only.
/// </summary>
public static class GateChecker
{
    public static GateOutcome Check(GateRequest request, TimeProvider time)
    {
        DateTimeOffset now = time.GetUtcNow();
        var refusals = new List<GateRefusal>();
        var passed = new List<string>();
        Judge("branch", BranchGate.Check(request), request.Gates.Branches.Count > 0 ? $"{request.Branch.Name} ({request.Branch.Source})" : null);
        if (request.Mode == GateMode.Deploy)
        {
            Judge("window", WindowGate.Check(request, now), request.Gates.Windows.Count + request.Gates.Freezes.Count == 0 ? null
                : WindowGate.Check(request with { Overrides = GateOverrides.None }, now).Any() ? "overridden by --outside-window" : "inside the window, no freeze");
            Judge("promotion", PromotionGate.Check(request, now), request.Gates.PromoteFrom is { } from ? $"{request.Moves.Count(m => m.From != m.To)} version(s) verified in {from} and cooled" : null);
        }

        int required = ApprovalGate.Required(request);
        Judge("approvals", ApprovalGate.Check(request), required == 0 ? null
            : request.Overrides.BreakGlass ? "broken glass" : $"{required} approval(s): {string.Join(", ", request.Approvals is null ? [] : ApprovalGate.Counted(request.Approvals))}");
        return new GateOutcome(refusals, passed, Override(request, now));

        void Judge(string gate, IEnumerable<GateRefusal> result, string? pass)
        {
            int before = refusals.Count;
            refusals.AddRange(result);
            if (refusals.Count == before && pass is not null)
            {
                passed.Add($"{gate}: {pass}");
            }
        }
    }

    /// <summary>The overrides this run needed (the gate would have refused without them), as the release log records them; null for none.</summary>
    private static string? Override(GateRequest request, DateTimeOffset now)
    {
        GateOverrides overrides = request.Overrides;
        GateRequest strict = request with { Overrides = GateOverrides.None };
        var used = new List<string>();
        if (overrides.BreakGlass && ApprovalGate.Check(strict).Any())
        {
            used.Add("break-glass");
        }

        if (overrides.OutsideWindow && WindowGate.Check(strict, now).Any())
        {
            used.Add("outside-window");
        }

        return used.Count == 0 ? null : $"{string.Join(", ", used)}: {overrides.Reason}";
    }
}
