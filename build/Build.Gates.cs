using Slipway;
using Slipway.Delivery;
using Slipway.Gates;
using Slipway.Targets;

/// <summary>
/// Gates: checked once, before the first write of every target that writes to an environment (ApplyInfra, DeployPlatform and
/// SyncApps depend on Gates, so the Deploy* aggregates do too) and by Rollback with its own rules (src/Slipway/Gates, docs/gates.md).
/// </summary>
internal sealed partial class Build
{
    [Parameter("Deploy*, ApplyInfra, DeployPlatform, SyncApps, Rollback: in an emergency, pass the approvals gate without approvals (needs --reason; the release log records it)")]
    private readonly bool _breakGlass;

    [Parameter("Deploy*, ApplyInfra, DeployPlatform, SyncApps: in an emergency, deploy outside gates.windows or in a gates.freezes period (needs --reason; the release log records it)")]
    private readonly bool _outsideWindow;

    [Parameter("Gates, Checklist: the token to read pull request reviews on GitHub; CommentPlan: to comment on the pull request, skipped without one (prefer the variable SLIPWAY_GITHUB_TOKEN or GITHUB_TOKEN to the option)")]
    [Secret]
    private readonly string? _githubToken;

    [Parameter("Gates, Checklist: the token to read merge request approvals on GitLab (prefer the variable GITLAB_TOKEN to the option)")]
    [Secret]
    private readonly string? _gitlabToken;

    private Target Gates => _ => _
        .Description("Check the gates of --env before anything is written (branch, windows and freezes, promotion and cooling, approvals by risk, no emergency stop); a refusal exits 3 with the rule, the evidence and what would satisfy it")
        .Requires(() => _env)
        .After(Validate, PlanInfra)
        .Executes(async ct =>
        {
            GateOutcome outcome = await CheckGatesAsync(await DeliveryAsync(ct), string.Join(" ", RequestedTargets), GateMode.Deploy, ct);
            Output.Success(outcome.Passed.Count == 0 ? $"{_env} has no gate to check." : $"Gates of {_env} passed: {string.Join("; ", outcome.Passed)}.");
            await StartGitHubDeploymentAsync(ct);
        });

    private Target Impact => _ => _
        .Description("What deploying --env now would change since its last release (configuration keys, infra/ files, the saved plan), each with its risk; written to .nuke/temp/<env>/impact.md and the run summary (GitHub step summary)")
        .Requires(() => _env)
        .After(PlanInfra)
        .Executes(async ct =>
        {
            ChangeImpact impact = await (await DeliveryAsync(ct)).AnalyzeImpactAsync(PlanMetadataFile, ct);
            foreach (string line in impact.Describe())
            {
                Output.Info(line);
            }

            string markdown = impact.ToMarkdown();
            string file = Path.Combine(TemporaryDirectory, _env!, "impact.md");
            await Slipway.IO.AtomicFile.WriteAllTextAsync(file, markdown, ct);
            ReportSection(null, markdown);

            Output.Success($"{_env}: {impact.Risk.ToString().ToLowerInvariant()} risk, {impact.Items.Count} change(s); written to {file}");
        });

    /// <summary>The <c>infra-plan.json</c> beside <c>--plan-file</c>; null: PlanInfra's own.</summary>
    private string? PlanMetadataFile => _planFile is null ? null : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(_planFile))!, Slipway.Infrastructure.PlanMetadata.FileName);

    /// <summary>Checks the gates of <paramref name="delivery"/> for <paramref name="writer"/> (exit 3 when one refuses).</summary>
    private async Task<GateOutcome> CheckGatesAsync(EnvironmentDelivery delivery, string writer, GateMode mode, CancellationToken cancellationToken)
    {
        if ((_breakGlass || _outsideWindow) && string.IsNullOrWhiteSpace(_reason))
        {
            throw SlipwayException.Input($"{(_breakGlass ? "--break-glass" : "--outside-window")} needs --reason \"...\": the release log records why the gate was overridden.");
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var approvals = new ApprovalSources(Slipway.Hosting.ProcessEnvironmentVariables.Instance, http) { GitHubToken = _githubToken, GitLabToken = _gitlabToken };
        var request = new GateCheckRequest(writer, mode, approvals)
        {
            App = _app,
            Tag = _tag,
            Overrides = new GateOverrides(_breakGlass, _outsideWindow, _reason?.Trim()),
            PlanMetadata = PlanMetadataFile,
        };
        return await delivery.CheckGatesAsync(request, cancellationToken);
    }
}
