using Slipway.Targets;

namespace Slipway.Tests.Ci;

/// <summary>A small build with the shape of the repository's (Validate, PlanInfra, ApplyInfra, Deploy*), for the CI generator tests.</summary>
public sealed class CiTestBuild : BuildBase
{
    [Parameter("Environment")]
    public string? Env;

    [Parameter("Why")]
    public string? Reason;

    [Parameter("The base commit")]
    public string? Base;

    [Parameter("GitOps token")]
    [Secret]
    public string? GitopsToken;

    /// <summary>False: ApplyInfra no longer depends on PlanInfra (the dependency change a test makes).</summary>
    public bool ApplyNeedsPlan { get; init; } = true;

    public Target Validate => _ => _.Executes(() => { });

    public Target ChangedEnvironments => _ => _.Requires(() => Base).Executes(() => { });

    public Target PlanInfra => _ => _.Requires(() => Env).After(Validate).Executes(() => { });

    public Target ApplyInfra => _ => _.Requires(() => Env).DependsOn(ApplyNeedsPlan ? [PlanInfra] : []).Executes(() => { });

    public Target Deploy => _ => _.Requires(() => Env).DependsOn(Validate, ApplyInfra);

    public Target DeployStaging => _ => _.Sets(() => Env, "staging").DependsOn(Validate, ApplyInfra);

    public Target DeployProduction => _ => _.Sets(() => Env, "production").DependsOn(Validate, ApplyInfra);

    public Target Rollback => _ => _.Executes(() => { });

    public Target EmergencyStop => _ => _.Requires(() => Reason).Executes(() => { });

    public Target DeploySummary => _ => _.Executes(() => { });

    public Target DeployReview => _ => _.Sets(() => Env, "review-of-branch").DependsOn(Validate, ApplyInfra);

    public Target DestroyReview => _ => _.Executes(() => { });
}
