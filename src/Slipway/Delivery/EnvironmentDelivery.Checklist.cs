using Slipway.Gates;
using Slipway.GitOps.Git;
using Slipway.Infrastructure;
using Slipway.Releases;

namespace Slipway.Delivery;

/// <summary>The release checklist: the gates' evidence, the saved plan and the stops, read without writing anything, judged by <see cref="ChecklistBuilder"/>.</summary>
public sealed partial class EnvironmentDelivery
{
    /// <summary>Checks each item of the release checklist live; an item that does not hold is reported, never refused.</summary>
    public async Task<ReleaseChecklist> ChecklistAsync(ChecklistRequest checklist, CancellationToken cancellationToken)
    {
        (IGitOpsRepository repository, _) = await GitOpsAsync(cancellationToken).ConfigureAwait(false);
        EnvironmentGuards guards = await ReadGuardsAsync(repository, cancellationToken).ConfigureAwait(false);
        GateCheckRequest check = checklist.Gates with { Mode = GateMode.Deploy, Overrides = GateOverrides.None };
        var evidence = new ChecklistEvidence
        {
            Gates = await GateEvidenceAsync(check, cancellationToken).ConfigureAwait(false),
            LockFile = checklist.LockFile,
            LockProblem = checklist.LockProblem,
            Plan = await SavedPlanStatusAsync(check.PlanMetadata, cancellationToken).ConfigureAwait(false),
            Stops = guards.Stops,
        };
        return ChecklistBuilder.Build(evidence, _context.Time);
    }

    /// <summary>Whether the saved plan exists and ApplyInfra would take it as reviewed (the same checks); null: no infrastructure stack.</summary>
    private async Task<SavedPlanStatus?> SavedPlanStatusAsync(string? planMetadata, CancellationToken cancellationToken)
    {
        if (_settings.Infrastructure is null)
        {
            return null;
        }

        try
        {
            var request = new InfraApplyRequest(InfraOptions())
            {
                PlanFile = planMetadata is null ? null : Path.Combine(Path.GetDirectoryName(planMetadata)!, InfraPlanner.PlanFileName),
                PlanMaxAge = _settings.Infrastructure.PlanMaxAge,
            };
            (string planFile, PlanMetadata metadata, _, string commit) = await new InfraApplier(_context.Processes, _context.Variables)
                .VerifySavedPlanAsync(request, cancellationToken).ConfigureAwait(false);
            string changes = metadata.HasChanges ? $"{metadata.Risk.ToString().ToLowerInvariant()} risk" : "no changes";
            return new SavedPlanStatus(true,
                $"{Path.GetRelativePath(_context.RootDirectory, planFile)} of {metadata.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm}Z is current (commit {commit[..Math.Min(12, commit.Length)]}, {changes}); its summary is infra-plan.md beside it");
        }
        catch (SlipwayException ex) when (ex.Kind is FailureKind.Input or FailureKind.Refused)
        {
            return new SavedPlanStatus(false, ex.Message);
        }
    }
}
