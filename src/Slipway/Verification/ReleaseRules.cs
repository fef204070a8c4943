namespace Slipway.Verification;

/// <summary>
/// Verify scoped to the environment: one HelmRelease (or Argo CD Application) the pushed commit names and the workloads it
/// installed. Live means the HelmRelease is Ready for its generation (the Application Synced and Healthy for its current
/// source), every Deployment of it has rolled out, no pod of it waits for a bad reason, and — once that holds — its pods
/// run the image and the chart version the commit names. A difference is a failure (<c>VersionMismatch</c>, expected
/// against running) that Verify gives up on after its fail-fast time, as the cluster may still be applying the commit.
/// </summary>
public static class ReleaseRules
{
    public const string VersionMismatch = "VersionMismatch";

    public static IEnumerable<CheckResult> Evaluate(ReleaseSnapshot snapshot)
    {
        ExpectedRelease expected = snapshot.Expected;
        string subject = $"{expected.Kind} {expected.Namespace}/{expected.Name}";
        CheckResult? release = expected.IsApplication
            ? snapshot.Application is { } application ? RolloutRules.Application(application) : null
            : snapshot.HelmRelease is { } helmRelease ? RolloutRules.HelmRelease(helmRelease) : null;
        if (release is null)
        {
            yield return new CheckResult(subject, CheckState.Progressing, "NotFound", $"named by {expected.Source} but not in the cluster yet");
            yield break;
        }

        yield return release;
        if (expected.IsRoot)
        {
            yield break;
        }

        if (snapshot.Workloads.Count == 0)
        {
            yield return new CheckResult($"{subject} workloads", CheckState.Progressing, "NoWorkloads", $"no Deployment in {expected.WorkloadNamespace} labelled {expected.WorkloadSelector} yet");
            yield break;
        }

        string? deployedChart = expected.IsApplication ? snapshot.Application?.DeployedChartVersion : snapshot.HelmRelease?.DeployedChartVersion;
        foreach (ReleaseWorkload workload in snapshot.Workloads)
        {
            CheckResult rollout = RolloutRules.Deployment(workload.Deployment);
            yield return rollout;
            foreach (WorkloadPod pod in workload.Pods)
            {
                if (RolloutRules.PodProblem(pod.Status) is { } problem)
                {
                    yield return problem;
                }
            }

            if (release.State == CheckState.Ready && rollout.State == CheckState.Ready && Mismatch(expected, deployedChart, workload) is { } mismatch)
            {
                yield return new CheckResult($"Deployment {workload.Deployment.Namespace}/{workload.Deployment.Name} version", CheckState.Failed, VersionMismatch, mismatch);
            }
        }
    }

    /// <summary>What differs from what the commit names (expected vs running), or null.</summary>
    /// <param name="expected">What the commit names.</param>
    /// <param name="deployedChart">The chart version the HelmRelease (or Application) last deployed, when it says.</param>
    /// <param name="workload">One of its Deployments with its pods.</param>
    public static string? Mismatch(ExpectedRelease expected, string? deployedChart, ReleaseWorkload workload)
    {
        var problems = new List<string>(2);
        if (expected.Image is { } image)
        {
            List<string> running = [.. workload.Pods.SelectMany(static p => p.Images).Concat(workload.TemplateImages).Distinct(StringComparer.Ordinal)];
            string repository = Repository(image);
            List<string> others = [.. running.Where(r => Repository(r) == repository && r != image)];
            if (others.Count > 0 || !running.Contains(image, StringComparer.Ordinal))
            {
                problems.Add($"image: expected {image}, running {(others.Count > 0 ? string.Join(", ", others) : string.Join(", ", running.DefaultIfEmpty("nothing")))}");
            }
        }

        if (expected.ChartVersion is { } version)
        {
            string? runningVersion = deployedChart;
            bool labelMatches = workload.ChartLabel is null || workload.ChartLabel.EndsWith("-" + version, StringComparison.Ordinal);
            if ((runningVersion is not null && runningVersion != version) || !labelMatches)
            {
                problems.Add($"chart version: expected {version}, running {runningVersion ?? workload.ChartLabel}");
            }
        }

        return problems.Count == 0 ? null : $"{string.Join("; ", problems)} (the pushed commit names it in {expected.Source})";
    }

    /// <summary>The repository of an image reference (without tag or digest).</summary>
    private static string Repository(string image)
    {
        int at = image.IndexOf('@', StringComparison.Ordinal);
        string named = at >= 0 ? image[..at] : image;
        int colon = named.LastIndexOf(':');
        return colon > named.LastIndexOf('/') ? named[..colon] : named;
    }
}
