using Slipway.Environments.Settings;

namespace Slipway.Gates;

/// <summary>
/// <c>gates.approvals</c> (plus <c>gates.riskApprovals</c> by the change's risk): that many distinct approvers other than the
/// change's author, as the CI system reports them. A local run has no such evidence: it is refused unless
/// <c>--break-glass --reason</c>, which passes and is recorded in the release log.
/// </summary>
public static class ApprovalGate
{
    /// <summary>The approvals <paramref name="request"/> needs: the base, plus the risk's extra where the base is above zero (not for a rollback).</summary>
    public static int Required(GateRequest request)
    {
        int required = request.Gates.Approvals;
        if (required == 0 || request.Mode == GateMode.Rollback)
        {
            return required;
        }

        RiskApprovals extra = request.Gates.RiskApprovals;
        return required + request.Risk switch
        {
            ChangeRisk.Medium => extra.Medium,
            ChangeRisk.High => extra.High,
            ChangeRisk.Critical => extra.High + extra.Critical,
            _ => 0,
        };
    }

    /// <summary>The distinct approvers that count: not the author (names compared case-insensitively).</summary>
    public static IReadOnlyList<string> Counted(ApprovalEvidence evidence)
        => evidence.Approvals.Select(static a => a.Who)
            .Where(who => evidence.Author is null || !string.Equals(who, evidence.Author, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();

    public static IEnumerable<GateRefusal> Check(GateRequest request)
    {
        int required = Required(request);
        if (required == 0 || request.Overrides.BreakGlass)
        {
            yield break;
        }

        string rule = $"{request.Environment} needs {required} approval(s) by people other than the author"
            + (required > request.Gates.Approvals ? $" (gates.approvals {request.Gates.Approvals}, +{required - request.Gates.Approvals} for {request.Risk.ToString().ToLowerInvariant()} risk: {string.Join("; ", request.RiskReasons)})" : " (gates.approvals)");
        if (request.Approvals is not { } evidence)
        {
            yield return new GateRefusal("approvals", rule,
                "this is a local run: no pull request, merge request or environment approval to count",
                "deploy from CI after review (GitHub Actions or GitLab CI), or in an emergency add --break-glass --reason \"...\" (recorded in the release log)");
            yield break;
        }

        IReadOnlyList<string> counted = Counted(evidence);
        if (counted.Count >= required)
        {
            yield break;
        }

        var seen = new List<string>();
        seen.Add(counted.Count == 0 ? "no approval that counts" : $"approved by {string.Join(", ", counted)}");
        if (evidence.Author is not null && evidence.Approvals.Any(a => string.Equals(a.Who, evidence.Author, StringComparison.OrdinalIgnoreCase)))
        {
            seen.Add($"{evidence.Author} is the author: their own approval does not count");
        }

        seen.AddRange(evidence.NotCounted);
        yield return new GateRefusal("approvals", rule,
            $"{evidence.Subject} ({evidence.Source}, author {evidence.Author ?? "unknown"}): {string.Join("; ", seen)}",
            $"{required - counted.Count} more approval(s) of {evidence.Subject} by someone other than {evidence.Author ?? "the author"}, then run again");
    }
}
