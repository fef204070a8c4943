using Slipway.Targets;

/// <summary>Infrastructure: PlanInfra and ApplyInfra over the environment's Terraform stack (src/Slipway/Infrastructure).</summary>
internal sealed partial class Build
{
    [Parameter("PlanInfra: plan with -refresh-only (report drift, change nothing)")]
    private readonly bool _refreshOnly;

    [Parameter("ApplyInfra: apply this reviewed plan (its infra-plan.json beside it) instead of planning now")]
    private readonly string? _planFile;

    [Parameter("ApplyInfra: allow a plan that replaces or deletes resources")]
    private readonly bool _allowDestroy;

    private Target PlanInfra => _ => _
        .Description("Plan the environment's Terraform stack into .nuke/temp/<env>/infra.tfplan, classify its risk, write infra-plan.md")
        .Requires(() => _env)
        .After(Validate)
        .OnlyWhenStatic(() => _planFile == null)
        .Executes(async ct => await (await DeliveryAsync(ct)).PlanInfraAsync(_refreshOnly, WritesEnvironment, ct));

    /// <summary>True when this run goes on to write --env (ApplyInfra, DeployPlatform, SyncApps or Rollback scheduled): PlanInfra takes the deploy lease then.</summary>
    private bool WritesEnvironment
        => ScheduledTargets.Any(static t => t is nameof(ApplyInfra) or nameof(DeployPlatform) or nameof(SyncApps) or nameof(Rollback));

    private Target ApplyInfra => _ => _
        .Description("Apply exactly the reviewed saved plan; refuses a changed, stale or destructive plan (exit 3)")
        .Requires(() => _env)
        .DependsOn(PlanInfra, Gates)
        .Executes(async ct => await (await DeliveryAsync(ct)).ApplyInfraAsync(_planFile, _allowDestroy, ct));
}
