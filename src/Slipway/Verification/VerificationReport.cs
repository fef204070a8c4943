namespace Slipway.Verification;

/// <summary>Every check of one pass over the cluster, and what that means for the environment.</summary>
public sealed record VerificationReport(IReadOnlyList<CheckResult> Checks)
{
    public bool IsReady => Checks.Count > 0 && Checks.All(static c => c.State == CheckState.Ready);

    public IReadOnlyList<CheckResult> Failed => Checks.Where(static c => c.State == CheckState.Failed).ToList();

    public IReadOnlyList<CheckResult> NotReady => Checks.Where(static c => c.State != CheckState.Ready).ToList();

    /// <summary>One line: <c>12/14 ready; waiting for Deployment web/web (1 of 2 replicas updated)</c>.</summary>
    public string Summary()
    {
        int ready = Checks.Count(static c => c.State == CheckState.Ready);
        IReadOnlyList<CheckResult> pending = NotReady;
        string waiting = pending.Count == 0 ? string.Empty : "; waiting for " + string.Join(", ", pending.Take(3).Select(static c => $"{c.Subject} ({c.Message})")) + (pending.Count > 3 ? $" and {pending.Count - 3} more" : string.Empty);
        return $"{ready}/{Checks.Count} ready{waiting}";
    }

    /// <summary>Evaluates a snapshot: nodes, HelmReleases, Applications, Deployments, and pods that wait for a bad reason.</summary>
    public static VerificationReport Evaluate(ClusterSnapshot snapshot)
    {
        var checks = new List<CheckResult>(snapshot.Nodes.Count + snapshot.Deployments.Count + snapshot.HelmReleases.Count + 8);
        if (snapshot.Nodes.Count == 0)
        {
            checks.Add(new CheckResult("Nodes", CheckState.Progressing, "NoNodes", "the cluster has no nodes"));
        }

        checks.AddRange(snapshot.Nodes.Select(RolloutRules.Node));
        checks.AddRange(snapshot.HelmReleases.Select(RolloutRules.HelmRelease));
        checks.AddRange(snapshot.Applications.Select(RolloutRules.Application));
        checks.AddRange(snapshot.Releases.SelectMany(ReleaseRules.Evaluate));
        checks.AddRange(snapshot.Deployments.Select(RolloutRules.Deployment));
        foreach (PodStatus pod in snapshot.Pods)
        {
            if (RolloutRules.PodProblem(pod) is { } problem)
            {
                checks.Add(problem);
            }
        }

        return new VerificationReport(checks);
    }
}
