using Slipway.Releases;
using Slipway.Rollback;
using Slipway.Verification;

namespace Slipway.Delivery;

/// <summary>
/// <c>rollback.auto</c>: when Verify fails after SyncApps pushed in this run, roll back to the previous verified release,
/// verify and record that, keep the hold the rollback sets — and still fail, so the pipeline shows the failed deploy.
/// </summary>
public sealed partial class EnvironmentDelivery
{
    /// <summary>Whether SyncApps pushed a change in this run: what an automatic rollback may undo.</summary>
    private bool _appsPushed;

    /// <summary>The release this run recorded last (the failed one, before an automatic rollback records its own).</summary>
    private ReleaseRecord? _lastRecorded;

    /// <summary>
    /// The Verify target: <see cref="VerifyAndRecordAsync"/>; when it fails after SyncApps pushed in this run and the environment
    /// has <c>rollback.auto: true</c>, rolls back automatically (<see cref="AutoRollbackAsync"/>) and fails with what happened.
    /// </summary>
    public async Task<VerificationReport> VerifyDeployAsync(IVerificationProgress progress, HttpClient http, CancellationToken cancellationToken)
    {
        try
        {
            return await VerifyAndRecordAsync(progress, http, cancellationToken).ConfigureAwait(false);
        }
        catch (SlipwayException failure) when (failure.Kind == FailureKind.Failed && _appsPushed)
        {
            if (!_settings.Rollback.Auto)
            {
                _context.Log.Info($"rollback.auto is off for {Name}: nothing was rolled back. To go back to the previous verified release: ./build.sh Rollback --env {Name} --reason \"...\"");
                throw;
            }

            throw await AutoRollbackAsync(failure, progress, http, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Rolls back to the previous verified release after <paramref name="failure"/>; returns the exception that reports both (exit 1).</summary>
    private async Task<SlipwayException> AutoRollbackAsync(SlipwayException failure, IVerificationProgress progress, HttpClient http, CancellationToken cancellationToken)
    {
        string failed = _lastRecorded is { Verified: false } record ? $"release {record.Id}" : "the deploy";
        string cause = failure.Message.Split('\n')[0].Trim();
        string headline = $"Verify of {Name} failed after SyncApps pushed in this run; {failed} is recorded as failed: {failure.Message}";
        _context.Log.Error($"Verify of {Name} failed ({failed}): {cause}");
        _context.Log.Warning($"rollback.auto is on for {Name}: rolling back to the previous verified release.");
        RollbackPlan plan;
        try
        {
            var request = new RollbackRequest { Reason = $"automatic rollback: Verify of {failed} failed: {(cause.Length > 200 ? cause[..200] + "…" : cause)}" };
            plan = await PlanRollbackAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (SlipwayException none) when (none.Kind == FailureKind.Input)
        {
            return SlipwayException.Failed($"{headline}{System.Environment.NewLine}rollback.auto: nothing was rolled back — {none.Message}", failure);
        }

        if (plan.IsEmpty)
        {
            return SlipwayException.Failed($"{headline}{System.Environment.NewLine}rollback.auto: nothing was rolled back — {Name} already runs the versions of {plan.Source}.", failure);
        }

        _context.Log.Warning($"Automatic rollback: {plan.Subject} (back to {plan.Source}).");
        string resume = $"./build.sh Resume --env {Name} --reason \"...\"";
        try
        {
            await RollbackAsync(plan, cancellationToken).ConfigureAwait(false);
            VerificationReport report = await VerifyAndRecordAsync(progress, http, cancellationToken).ConfigureAwait(false);
            return SlipwayException.Failed(
                $"{headline}{System.Environment.NewLine}"
                + $"rollback.auto: rolled back automatically to {plan.Source} ({plan.Subject}), verified ({report.Summary()}), recorded as rollback {_lastRecorded?.Id}. "
                + $"The rollback set a hold ({string.Join(", ", plan.Apps.Select(a => $"{a.App} at {a.ToTag}"))} in {GuardPaths.Holds(Name)}): deploys refuse to move it until {resume}. "
                + "The deploy itself failed: exit 1.",
                failure);
        }
        catch (SlipwayException rollbackFailure) when (rollbackFailure.Kind == FailureKind.Failed)
        {
            return SlipwayException.Failed(
                $"{headline}{System.Environment.NewLine}"
                + $"rollback.auto: the automatic rollback to {plan.Source} ({plan.Subject}) failed too: {rollbackFailure.Message}{System.Environment.NewLine}"
                + $"{Name} runs no verified release. The hold the rollback wrote ({GuardPaths.Holds(Name)}) is kept. See ./build.sh Status --env {Name} and ./build.sh History --env {Name}; "
                + $"roll back further with ./build.sh Rollback --env {Name} --release ID, or fix forward after {resume}.",
                failure);
        }
    }
}
