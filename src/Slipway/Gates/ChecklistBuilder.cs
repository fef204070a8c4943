using Slipway.Environments.Settings;

namespace Slipway.Gates;

/// <summary>
/// Makes the <see cref="ReleaseChecklist"/> from its <see cref="ChecklistEvidence"/>: the gate items are the very judgements
/// of <see cref="GateChecker"/>'s gates (branch, window, promotion, approvals), so the checklist and the Gates target agree.
/// </summary>
public static class ChecklistBuilder
{
    /// <summary>What Slipway has no way to check: there is no backups hook to ask.</summary>
    public const string BackupsOpen = "Slipway has no backups hook to ask: confirm by hand that the backups of this environment ran and can be restored";

    public static ReleaseChecklist Build(ChecklistEvidence evidence, TimeProvider time)
    {
        GateRequest request = evidence.Gates with { Overrides = GateOverrides.None, Mode = GateMode.Deploy };
        DateTimeOffset now = time.GetUtcNow();
        GatesSettings gates = request.Gates;
        List<ChecklistItem> items =
        [
            evidence.LockProblem is null
                ? new("Frozen", ChecklistState.Done, $"{evidence.LockFile} is current")
                : new("Frozen", ChecklistState.NotMet, $"{evidence.LockProblem} (./build.sh Freeze --env {request.Environment})"),
            evidence.Plan switch
            {
                null => new("Plan reviewed", ChecklistState.Done, "no infrastructure stack: nothing to plan"),
                { Current: true } plan => new("Plan reviewed", ChecklistState.Done, plan.Evidence),
                var plan => new("Plan reviewed", ChecklistState.NotMet, plan.Evidence),
            },
            Gate("Branch", BranchGate.Check(request), gates.Branches.Count == 0 ? "gates.branches: any branch" : $"{request.Branch.Name} ({request.Branch.Source}) is one of gates.branches"),
            Approvals(request),
            Gate("Deployment window", WindowGate.Check(request, now),
                gates.Windows.Count + gates.Freezes.Count == 0 ? "no gates.windows or freezes" : $"inside {string.Join(" or ", gates.Windows.Select(WindowGate.Describe))}, no freeze"),
            Gate("Staging verified and cooled", PromotionGate.Check(request, now), gates.PromoteFrom is not { } from
                ? "no gates.promoteFrom"
                : request.Moves.Count == 0 ? "nothing would move" : $"{request.Moves.Count} version(s) verified in {from} at least {Slipway.Environments.Duration.Format(gates.Cooling)} ago"),
            evidence.Stops.Count == 0
                ? new("No emergency stop in force", ChecklistState.Done, $"no stop stands for {request.Environment} or all environments")
                : new("No emergency stop in force", ChecklistState.NotMet,
                    string.Join("; ", evidence.Stops.Select(static s => $"{s} (lifted by {s.ResumeCommand})"))),
            new("Backups taken", ChecklistState.Open, BackupsOpen),
        ];
        return new ReleaseChecklist(request.Environment, now, items);
    }

    private static ChecklistItem Approvals(GateRequest request)
    {
        int required = ApprovalGate.Required(request);
        if (required == 0)
        {
            return new("Approvals", ChecklistState.Done, $"none required for {request.Risk.ToString().ToLowerInvariant()} risk");
        }

        if (request.Approvals is null)
        {
            return new("Approvals", ChecklistState.Open,
                $"{required} approval(s) by people other than the author (a local run has no pull request or merge request to count them from; the Gates target counts them in CI)");
        }

        return Gate("Approvals", ApprovalGate.Check(request), $"{required} approval(s): {string.Join(", ", ApprovalGate.Counted(request.Approvals))}");
    }

    private static ChecklistItem Gate(string title, IEnumerable<GateRefusal> refusals, string passed)
    {
        GateRefusal[] refused = refusals.ToArray();
        return refused.Length == 0
            ? new ChecklistItem(title, ChecklistState.Done, passed)
            : new ChecklistItem(title, ChecklistState.NotMet, string.Join("; ", refused.Select(static r => $"{r.Rule}: {r.Evidence}; to pass: {r.Remedy}")));
    }
}
