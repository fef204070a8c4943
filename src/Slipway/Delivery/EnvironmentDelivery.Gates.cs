using Slipway.Gates;
using Slipway.GitOps;
using Slipway.GitOps.Git;
using Slipway.Infrastructure;
using Slipway.Releases;

namespace Slipway.Delivery;

/// <summary>
/// The gates, checked once per run before the first write (the Gates target every writing target depends on, and Rollback):
/// the evidence is gathered here — the branch, what would move, the promoteFrom release log, the change's risk, the CI
/// system's approvals — and judged by <see cref="GateChecker"/>. A standing emergency stop refuses first.
/// </summary>
public sealed partial class EnvironmentDelivery
{
    /// <summary>The overrides the gates let through in this run, recorded with the release (<c>override:</c>).</summary>
    private string? _gateOverride;

    /// <summary>Checks every gate of the environment; refuses (exit 3) naming each rule, its evidence and what would satisfy it.</summary>
    public async Task<GateOutcome> CheckGatesAsync(GateCheckRequest check, CancellationToken cancellationToken)
    {
        if (check.Mode == GateMode.Deploy && !GitOpsNotCreatedYet)
        {
            (IGitOpsRepository repository, _) = await GitOpsAsync(cancellationToken).ConfigureAwait(false);
            await ReadGuardsAsync(repository, check.Writer, cancellationToken).ConfigureAwait(false);
        }

        GateRequest request = await GateEvidenceAsync(check, cancellationToken).ConfigureAwait(false);
        GateOutcome outcome = GateChecker.Check(request, _context.Time);
        outcome.ThrowIfRefused(Name, check.Writer);
        foreach (string passed in outcome.Passed)
        {
            _context.Log.Info($"Gate {passed}.");
        }

        if (outcome.Override is { } used)
        {
            _gateOverride = used;
            _context.Log.Warning($"Gates of {Name} overridden ({used}): the release log records it.");
        }

        return outcome;
    }

    /// <summary>What the gates judge, gathered without writing: the branch, what would move, the change's risk, the promoteFrom log, the approvals.</summary>
    private async Task<GateRequest> GateEvidenceAsync(GateCheckRequest check, CancellationToken cancellationToken)
    {
        EnvironmentVersions running = new(Name, string.Empty, [], []);
        if (!GitOpsNotCreatedYet)
        {
            (IGitOpsRepository repository, GitOpsEnvironment environment) = await GitOpsAsync(cancellationToken).ConfigureAwait(false);
            (_, _, running) = await ReadReleaseLogAndVersionsAsync(repository, environment, cancellationToken).ConfigureAwait(false);
        }

        IReadOnlyList<PromotedVersion> moves = check.Mode == GateMode.Deploy ? Moves(running, check) : [];
        (ChangeRisk risk, IReadOnlyList<string> reasons) = check.Mode == GateMode.Deploy
            ? await AssessRiskAsync(moves, check.PlanMetadata, cancellationToken).ConfigureAwait(false)
            : (ChangeRisk.Low, []); // a rollback needs gates.approvals, whatever it sets back
        var request = new GateRequest
        {
            Environment = Name,
            Protected = _settings.Protected,
            Gates = _settings.Gates,
            Writer = check.Writer,
            Mode = check.Mode,
            Branch = BranchReader.Read(_context.Variables, _context.RootDirectory),
            Moves = moves,
            Risk = risk,
            RiskReasons = reasons,
            Overrides = check.Overrides,
        };
        if (check.Mode == GateMode.Deploy && _settings.Gates.PromoteFrom is { } from && moves.Count > 0)
        {
            await using EnvironmentDelivery source = Open(_context, _catalog, from);
            request = request with { PromoteFrom = await source.ReadReleaseLogAsync(cancellationToken).ConfigureAwait(false) };
        }

        if (ApprovalGate.Required(request) > 0 && !check.Overrides.BreakGlass)
        {
            request = request with { Approvals = await check.Approvals.ReadAsync(Name, request.Branch.Name ?? string.Empty, cancellationToken).ConfigureAwait(false) };
        }

        return request;
    }

    /// <summary>The environment's release log as the GitOps branch has it.</summary>
    internal async Task<ReleaseHistory> ReadReleaseLogAsync(CancellationToken cancellationToken)
    {
        if (GitOpsNotCreatedYet)
        {
            return new ReleaseHistory(Name, []);
        }

        (IGitOpsRepository repository, GitOpsEnvironment environment) = await GitOpsAsync(cancellationToken).ConfigureAwait(false);
        return (await ReadReleaseLogAndVersionsAsync(repository, environment, cancellationToken).ConfigureAwait(false)).Releases;
    }

    /// <summary>
    /// Slipway's own GitOps repository (<c>repository: local</c>) does not exist yet: nothing was deployed and nothing is
    /// stopped or held. The gates read that as such instead of creating it: the first step that writes creates it, so a run
    /// refused or failing on bad input after the gates leaves nothing behind.
    /// </summary>
    private bool GitOpsNotCreatedYet => _repository is null && _settings.GitOps.IsLocal && !LocalGitOpsRemote.Exists(_context.Paths.GitOpsRemote);

    /// <summary>The app tags (all, or <c>--app</c> at <c>--tag</c>) and chart versions the run would write, against what runs.</summary>
    private List<PromotedVersion> Moves(EnvironmentVersions running, GateCheckRequest check)
    {
        var moves = AppSelection.Select(Name, Apps, check.App, check.Tag)
            .Select(a => new PromotedVersion(PromotedKind.App, a.Name, running.Apps.FirstOrDefault(r => r.Name == a.Name)?.Tag, a.Tag))
            .ToList();
        if (check.App is null)
        {
            moves.AddRange(_settings.Platform.Releases.Values.Select(r => new PromotedVersion(PromotedKind.Chart, r.Name, running.Charts.FirstOrDefault(c => c.Name == r.Name)?.Version, r.Version)));
        }

        return moves.Where(static m => m.From != m.To).ToList();
    }

    /// <summary>
    /// The impact of deploying the environment now (<see cref="ImpactAnalyzer"/>: configuration keys and <c>infra/</c> files since the
    /// commit of its last release, and the saved plan, <paramref name="planMetadata"/> or PlanInfra's).
    /// </summary>
    public async Task<ChangeImpact> AnalyzeImpactAsync(string? planMetadata, CancellationToken cancellationToken)
    {
        ReleaseHistory history = await ReadReleaseLogAsync(cancellationToken).ConfigureAwait(false);
        var request = new ImpactRequest(_context.RootDirectory, Name, history.Latest?.SourceCommit, _context.Paths.Temp)
        {
            PlanMetadata = planMetadata ?? Path.Combine(_context.Paths.Environment(Name), PlanMetadata.FileName),
            Catalog = _catalog,
        };
        return await ImpactAnalyzer.AnalyzeAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The change's risk: the impact's (keys, files, plan), and a version a <c>--tag</c> moves (charts medium, app tags low).</summary>
    private async Task<(ChangeRisk Risk, IReadOnlyList<string> Reasons)> AssessRiskAsync(IReadOnlyList<PromotedVersion> moves, string? planMetadata, CancellationToken cancellationToken)
    {
        ChangeImpact impact = await AnalyzeImpactAsync(planMetadata, cancellationToken).ConfigureAwait(false);
        var items = impact.Items.ToList();
        items.AddRange(moves.Select(static m => new ImpactItem($"{(m.Kind == PromotedKind.App ? "apps" : "platform.releases")}.{m.Name}", m.Kind == PromotedKind.App ? ChangeRisk.Low : ChangeRisk.Medium, m.ToString())));
        ChangeRisk risk = items.Count == 0 ? ChangeRisk.None : items.Max(static i => i.Risk);
        string[] components = items.Where(i => i.Risk == risk).Select(static i => i.Component).Distinct(StringComparer.Ordinal).ToArray();
        string reason = string.Join(", ", components.Take(5)) + (components.Length > 5 ? $" and {components.Length - 5} more" : string.Empty)
            + (impact.Items.Count > 0 ? $" changed {impact.Baseline} (./build.sh Impact --env {Name})" : string.Empty);
        return (risk, components.Length == 0 ? [] : [reason]);
    }
}
