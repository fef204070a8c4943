using Slipway.Delivery;
using Slipway.Hosting;
using Slipway.Targets;
using Slipway.Verification;

/// <summary>Deploys: DeployPlatform, SyncApps, Verify, Deploy (--env) and the Deploy* aggregates, and Status (src/Slipway/Delivery).</summary>
internal sealed partial class Build
{
    [Parameter("SyncApps, Deploy*: move an app a rollback holds (holds/<env>.yaml), releasing its hold")]
    private readonly bool _releaseHold;

    [Parameter("SyncApps: deploy only this app; History, Rollback, Resume: only this app")]
    private readonly string? _app;

    [Parameter("SyncApps: the image tag to deploy for --app; Rollback: the tag to go back to; PublishImage: the tag to publish")]
    private readonly string? _tag;

    [Parameter("DeployPlatform, SyncApps, Status: the token for an https GitOps repository (prefer the variable SLIPWAY_GITOPS_TOKEN to the option: a command line is visible to other users)")]
    [Secret]
    private readonly string? _gitopsToken;

    private EnvironmentDelivery? _delivery;

    private Target DeployPlatform => _ => _
        .Description("Render platform.releases into HelmReleases in the GitOps repository, push, and wait for the cluster to apply them")
        .Requires(() => _env)
        .After(ApplyInfra)
        .DependsOn(Gates)
        .Executes(async ct => await (await DeliveryAsync(ct)).DeployPlatformAsync(ct));

    private Target SyncApps => _ => _
        .Description("Write each app's image tag (or --app X --tag Y) into the GitOps repository, push, reconcile and wait")
        .Requires(() => _env)
        .After(DeployPlatform)
        .DependsOn(Gates)
        .Executes(async ct => await (await DeliveryAsync(ct)).SyncAppsAsync(_app, _tag, _releaseHold, ct));

    private Target Verify => _ => _
        .Description("Wait until the cluster really runs the environment (nodes, HelmReleases, rollouts, pods, endpoints), then record the release; rollback.auto rolls a failed deploy back")
        .Requires(() => _env)
        .After(SyncApps)
        .Executes(async ct =>
        {
            using var http = new HttpClient();
            var progress = new LogVerificationProgress(Log, IsLocalBuild ? TimeSpan.FromSeconds(5) : TimeSpan.FromSeconds(15));
            VerificationReport report = await (await DeliveryAsync(ct)).VerifyDeployAsync(progress, http, ct);
            ReportSection($"Verification of {_env}", report.Summary());
            Output.Success($"{_env} is live: {report.Summary()}");
        });

    private Target Deploy => _ => _
        .Description("Deploy --env (any environment, e.g. one made by NewEnvironment): the same chain (Verify records the release); a protected one needs a current lock")
        .Requires(() => _env)
        .DependsOn(Validate, FreezeCheck, ApplyInfra, DeployPlatform, SyncApps, Verify);

    private Target DeployDev => _ => _
        .Description("Deploy the dev environment: Validate, PlanInfra, ApplyInfra, DeployPlatform, SyncApps, Verify (Verify records the release)")
        .Sets(() => _env, "dev")
        .DependsOn(Validate, ApplyInfra, DeployPlatform, SyncApps, Verify);

    private Target DeployStaging => _ => _
        .Description("Deploy the staging environment: Validate, PlanInfra, ApplyInfra, DeployPlatform, SyncApps, Verify (Verify records the release)")
        .Sets(() => _env, "staging")
        .DependsOn(Validate, ApplyInfra, DeployPlatform, SyncApps, Verify);

    private Target DeployProduction => _ => _
        .Description("Deploy the production environment (protected): Validate, FreezeCheck (a current versions.lock.yaml, else exit 3), then the same chain (Verify records the release)")
        .Sets(() => _env, "production")
        .DependsOn(Validate, FreezeCheck, ApplyInfra, DeployPlatform, SyncApps, Verify);

    private Target Status => _ => _
        .Description("What --env runs now: apps, tags, charts, the last release, and cluster readiness")
        .Requires(() => _env)
        .Executes(async ct =>
        {
            foreach (string line in await (await DeliveryAsync(ct)).ReadStatusAsync(ct))
            {
                Output.Info(line);
            }
        });

    protected override async Task OnBuildFinishedAsync(CancellationToken cancellationToken)
    {
        if (_delivery is not null)
        {
            await _delivery.DisposeAsync();
            _delivery = null;
        }
    }

    /// <summary>The delivery of the run's environment (<paramref name="environment"/>, or --env), opened once over the run's environment catalogue.</summary>
    private async Task<EnvironmentDelivery> DeliveryAsync(CancellationToken cancellationToken, string? environment = null)
        => _delivery ??= EnvironmentDelivery.Open(DeliveryContext(), await CatalogAsync(cancellationToken), environment ?? _env!);

    private DeliveryContext DeliveryContext()
        => new(RootDirectory, ProcessEnvironmentVariables.Instance, TimeProvider.System, Log, new LocalClusterStarter(Log))
        {
            Processes = _processes,
            GitOpsToken = _gitopsToken,
        };
}
