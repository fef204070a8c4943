using Slipway;
using Slipway.Gates;
using Slipway.Hosting;
using Slipway.Infrastructure;
using Slipway.Reporting;
using Slipway.Targets;

/// <summary>
/// Reporting to the CI system at the end of every run (src/Slipway/Reporting): on GitHub Actions the run summary (targets,
/// durations, plan, impact, verification) in GITHUB_STEP_SUMMARY and the outputs in GITHUB_OUTPUT; on GitLab the outputs
/// in slipway.env. Targets add their part with <see cref="ReportSection"/>. With --github-token on GitHub Actions, a deploy
/// is also a GitHub Deployment: in_progress once the gates passed, success or failure (with the environment URL) at the end.
/// </summary>
internal sealed partial class Build
{
    private readonly List<CiReportSection> _reportSections = [];
    private GitHubDeployment? _githubDeployment;

    /// <summary>Adds a part to the run summary (shown on GitHub Actions' run page).</summary>
    private void ReportSection(string? heading, string markdown) => _reportSections.Add(new CiReportSection(heading, markdown));

    protected override async Task OnRunReportedAsync(RunOutcome outcome, CancellationToken cancellationToken)
    {
        await FinishGitHubDeploymentAsync(outcome, cancellationToken);
        if (CiReporters.Detect(new DictionaryEnvironmentVariables(EnvironmentVariables), RootDirectory) is not { } reporter)
        {
            return;
        }

        string title = $"Slipway {string.Join(" ", RequestedTargets)}{(_env is null ? string.Empty : $" --env {_env}")}";
        // the files are not the console: what goes there is masked here (the targets' errors already are)
        var report = new CiRunReport(title, outcome.Targets.Select(ToLine).ToList(), outcome.Total, outcome.ExitCode)
        {
            Sections = [.. PlanSection(outcome).Concat(_reportSections).Select(s => s with { Markdown = Output.Masker.Mask(s.Markdown) })],
            Outputs = [.. ReportOutputs(outcome).Select(o => o with { Values = o.Values.Select(Output.Masker.Mask).ToList() })],
        };
        IReadOnlyList<string> written = await reporter.WriteAsync(report, cancellationToken);
        if (written.Count > 0)
        {
            Output.Info($"Reported the run to {reporter.System}: {string.Join(", ", written)}");
        }
    }

    private static CiTargetLine ToLine(TargetOutcome target)
        => new(target.Name, target.Status.ToString(), target.Status is TargetStatus.Succeeded or TargetStatus.Failed or TargetStatus.Aborted ? target.Duration : null, target.Reason, target.Error);

    /// <summary>PlanInfra's table (with its own heading), when PlanInfra ran in this run: also when it refused the plan.</summary>
    private IEnumerable<CiReportSection> PlanSection(RunOutcome outcome)
    {
        string file = _env is null ? string.Empty : (string)(TemporaryDirectory / _env / InfraPlanner.MarkdownFileName);
        bool ran = outcome.Targets.Any(static t => t.Name == nameof(PlanInfra) && t.Status is TargetStatus.Succeeded or TargetStatus.Failed);
        if (ran && File.Exists(file) && File.GetLastWriteTimeUtc(file) >= DateTime.UtcNow - outcome.Total)
        {
            yield return new CiReportSection(null, File.ReadAllText(file));
        }
    }

    /// <summary>The released tags, the GitOps commit and the environment's URL, when this run delivered them.</summary>
    private List<CiOutput> ReportOutputs(RunOutcome outcome)
    {
        var outputs = new List<CiOutput>();
        if (_delivery is null)
        {
            return outputs;
        }

        outputs.Add(new CiOutput("environment", _delivery.Name));
        if (outcome.RanSuccessfully(nameof(SyncApps)) && _delivery.SyncedApps.Count > 0)
        {
            outputs.Add(new CiOutput("released-tags", _delivery.SyncedApps.Select(static a => $"{a.Name}={a.Tag}").ToList()));
        }

        if (_delivery.PushedCommit is { } commit)
        {
            outputs.Add(new CiOutput("gitops-commit", commit));
        }

        if (_delivery.EnvironmentUrl is { } url)
        {
            outputs.Add(new CiOutput("environment-url", url));
        }

        return outputs;
    }

    /// <summary>
    /// Starts the GitHub Deployment of --env when the gates passed for a run that writes (GitHub Actions, --github-token). The
    /// deployment only records: when GitHub refuses it, the deploy goes on with a warning saying why.
    /// </summary>
    private async Task StartGitHubDeploymentAsync(CancellationToken cancellationToken)
    {
        var variables = new DictionaryEnvironmentVariables(EnvironmentVariables);
        if (Host != HostKind.GitHubActions || string.IsNullOrEmpty(_githubToken) || _githubDeployment is not null || RequestedTargets.All(static t => t == nameof(Gates)))
        {
            return;
        }

        if (GitHubDeploymentRequest.FromActions(variables, _env!) is not { } request)
        {
            Output.Warning("No GitHub Deployment: GITHUB_REPOSITORY (owner/name) or GITHUB_SHA is not set.");
            return;
        }

        try
        {
            var api = new Uri(variables.Get("GITHUB_API_URL") is { Length: > 0 } url ? url : "https://api.github.com");
            _githubDeployment = await GitHubDeployment.StartAsync(GitHubApprovals.Client(api, _githubToken), request, cancellationToken);
            Output.Info($"GitHub Deployment {_githubDeployment.Id} of {_env}: in progress.");
        }
        catch (SlipwayException e)
        {
            Output.Warning($"No GitHub Deployment: {e.Message}");
        }
    }

    private async Task FinishGitHubDeploymentAsync(RunOutcome outcome, CancellationToken cancellationToken)
    {
        if (_githubDeployment is null)
        {
            return;
        }

        string? url = outcome.Succeeded ? _delivery?.EnvironmentUrl : null;
        try
        {
            await _githubDeployment.FinishAsync(outcome.Succeeded, url, cancellationToken);
            Output.Info($"GitHub Deployment {_githubDeployment.Id} of {_env}: {(outcome.Succeeded ? "success" : "failure")}{(url is null ? string.Empty : $" ({url})")}.");
        }
        catch (SlipwayException e)
        {
            Output.Warning($"The GitHub Deployment {_githubDeployment.Id} stays in progress: {e.Message}");
        }
    }
}
