using Slipway;
using Slipway.Delivery;
using Slipway.Releases;
using Slipway.Targets;

/// <summary>EmergencyStop and Resume: the circuit breaker, and lifting it or a rollback's hold (src/Slipway/Delivery/EnvironmentDelivery.Stop.cs).</summary>
internal sealed partial class Build
{
    [Parameter("EmergencyStop, Resume: every environment deployed through the GitOps repository (stops/_all.yaml) instead of --env")]
    private readonly bool _all;

    [Parameter("EmergencyStop: also scale these apps' Deployments to zero (comma-separated, e.g. web); Resume restores the replica counts")]
    private readonly string[] _scaleDown = [];

    [Parameter("Rollback: write the rollback to Git during an emergency stop (the stopped cluster applies it after Resume)")]
    private readonly bool _duringStop;

    private Target EmergencyStop => _ => _
        .Description("Stop --env (or --all): suspend its Flux Kustomization and HelmReleases or Argo CD automated sync, --scale-down apps to zero, record stops/<env>.yaml; deploys refuse until Resume")
        .Requires(() => _reason)
        .Executes(async ct =>
        {
            RequireEnvOrAll("EmergencyStop");
            if (_all && _scaleDown.Length > 0)
            {
                throw SlipwayException.Input("--scale-down names apps of one environment: use it with --env NAME, not with --all.");
            }

            StopOutcome outcome = _all
                ? await new AllEnvironmentsStop(DeliveryContext(), await CatalogAsync(ct)).StopAsync(_reason!, ct)
                : await (await DeliveryAsync(ct)).EmergencyStopAsync(_scaleDown, _reason!, ct);
            if (outcome.AlreadyStopped)
            {
                Output.Success($"Already stopped: {outcome.Stop} ({outcome.Stop.File}). Nothing changed. Lift it with: {outcome.Stop.ResumeCommand}");
                return;
            }

            foreach (string line in outcome.Describe())
            {
                Output.Info(line);
            }

            Output.Success($"Stopped {(_all ? "every environment" : _env)}: recorded in {outcome.Stop.File} (GitOps commit {outcome.Push!.ShortSha}). "
                + $"Deploy*, SyncApps and Rollback refuse (exit 3) until: {outcome.Stop.ResumeCommand}");
        });

    private Target Resume => _ => _
        .Description("Lift the emergency stop of --env (or --all), restoring what it suspended and scaled down, and release the holds a rollback set (all apps, or --app), with --reason")
        .Requires(() => _reason)
        .Executes(async ct =>
        {
            RequireEnvOrAll("Resume");
            if (_all)
            {
                Stop? lifted = await new AllEnvironmentsStop(DeliveryContext(), await CatalogAsync(ct)).LiftAsync(_reason!, ct);
                Output.Success(lifted is null ? "No stop of every environment stands (stops/_all.yaml): nothing to resume." : $"Lifted the stop of every environment ({lifted}): restored {lifted.Suspended.Count} reconciler(s).");
                return;
            }

            EnvironmentDelivery delivery = await DeliveryAsync(ct);
            Stop? stop = _app is null ? await delivery.LiftStopAsync(_reason!, ct) : null;
            IReadOnlyList<Hold> removed = await delivery.ResumeAsync(_app, _reason!, ct);
            if (stop is not null)
            {
                Output.Success($"Lifted the emergency stop of {_env} ({stop}): "
                    + $"{(stop.Suspended.Count == 0 ? "nothing was suspended" : $"restored {string.Join(", ", stop.Suspended)}")}"
                    + $"{(stop.ScaledDown.Count == 0 ? string.Empty : $"; scaled back {string.Join(", ", stop.ScaledDown)}")}.");
            }

            if (removed.Count > 0)
            {
                Output.Success($"Resumed {_env}: released {string.Join("; ", removed)}.");
            }

            if (stop is null && removed.Count == 0)
            {
                Output.Success($"Nothing to resume in {_env}: no emergency stop stands and nothing is held{(_app is null ? string.Empty : $" for {_app}")}.");
            }
        });

    /// <summary>Exactly one of --env and --all (exit 2 otherwise).</summary>
    private void RequireEnvOrAll(string target)
    {
        if (_all && _env is not null)
        {
            throw SlipwayException.Input($"{target}: give --env NAME or --all, not both.");
        }

        if (!_all && _env is null)
        {
            throw SlipwayException.Input($"{target} needs --env NAME (one environment) or --all (every environment).");
        }
    }
}
