using Slipway.Delivery;
using Slipway.Hosting;
using Slipway.Targets;
using Slipway.Verification;

/// <summary>Deploys: DeployPlatform, SyncApps, Verify, the Deploy* aggregates and Status (src/Slipway/Delivery).</summary>
internal sealed partial class Build
{
    private static readonly Dictionary<string, string> s_aggregates = new(StringComparer.Ordinal)
    {
        [nameof(DeployDev)] = "dev",
        [nameof(DeployStaging)] = "staging",
        [nameof(DeployProduction)] = "production",
    };

    [Parameter("SyncApps: deploy only this app")]
    private readonly string? _app;

    [Parameter("SyncApps: the image tag to deploy for --app; PublishImage: the tag to publish")]
    private readonly string? _tag;

    private EnvironmentDelivery? _delivery;

    /// <summary>--env, or the environment a Deploy* aggregate names.</summary>
    private string? EnvironmentName { get; set; }

    private Target DeployPlatform => _ => _
        .Description("Render platform.releases into HelmReleases in the GitOps repository, push, and wait for the cluster to apply them")
        .Requires(() => EnvironmentName)
        .After(ApplyInfra)
        .Executes(async ct => await (await DeliveryAsync(ct)).DeployPlatformAsync(ct));

    private Target SyncApps => _ => _
        .Description("Write each app's image tag (or --app X --tag Y) into the GitOps repository, push, reconcile and wait")
        .Requires(() => EnvironmentName)
        .After(DeployPlatform)
        .Executes(async ct => await (await DeliveryAsync(ct)).SyncAppsAsync(_app, _tag, ct));

    private Target Verify => _ => _
        .Description("Wait until the cluster really runs the environment: nodes, HelmReleases, rollouts, pods, endpoints")
        .Requires(() => EnvironmentName)
        .After(SyncApps)
        .Executes(async ct =>
        {
            using var http = new HttpClient();
            var progress = new LogVerificationProgress(Log, IsLocalBuild ? TimeSpan.FromSeconds(5) : TimeSpan.FromSeconds(15));
            VerificationReport report = await (await DeliveryAsync(ct)).VerifyAsync(progress, http, ct);
            Output.Success($"{EnvironmentName} is live: {report.Summary()}");
        });

    private Target DeployDev => _ => _
        .Description("Deploy the dev environment: Validate, PlanInfra, ApplyInfra, DeployPlatform, SyncApps, Verify, then record the release")
        .DependsOn(Validate, ApplyInfra, DeployPlatform, SyncApps, Verify)
        .Executes(RecordReleaseAsync);

    private Target DeployStaging => _ => _
        .Description("Deploy the staging environment: Validate, PlanInfra, ApplyInfra, DeployPlatform, SyncApps, Verify, then record the release")
        .DependsOn(Validate, ApplyInfra, DeployPlatform, SyncApps, Verify)
        .Executes(RecordReleaseAsync);

    private Target DeployProduction => _ => _
        .Description("Deploy the production environment (protected): the same chain, then record the release")
        .DependsOn(Validate, ApplyInfra, DeployPlatform, SyncApps, Verify)
        .Executes(RecordReleaseAsync);

    private Target Status => _ => _
        .Description("What --env runs now: apps, tags, charts, the last release, and cluster readiness")
        .Requires(() => EnvironmentName)
        .Executes(async ct =>
        {
            foreach (string line in await (await DeliveryAsync(ct)).ReadStatusAsync(ct))
            {
                Output.Info(line);
            }
        });

    protected override void OnParametersBound()
    {
        List<string> aggregates = RequestedTargets.Where(s_aggregates.ContainsKey).ToList();
        if (aggregates.Count > 1)
        {
            throw new BuildException($"Run one of {string.Join(", ", aggregates)} at a time: each deploys its own environment.", ExitCodes.BadInput);
        }

        string? implied = aggregates.Count == 1 ? s_aggregates[aggregates[0]] : null;
        if (implied is not null && _env is not null && _env != implied)
        {
            throw new BuildException($"{aggregates[0]} deploys {implied}, but --env says {_env}. Drop --env, or run the steps with --env {_env}.", ExitCodes.BadInput);
        }

        EnvironmentName = _env ?? implied;
    }

    protected override async Task OnBuildFinishedAsync(CancellationToken cancellationToken)
    {
        if (_delivery is not null)
        {
            await _delivery.DisposeAsync();
            _delivery = null;
        }
    }

    private async Task RecordReleaseAsync(CancellationToken cancellationToken)
        => await (await DeliveryAsync(cancellationToken)).RecordReleaseAsync(verified: true, cancellationToken);

    /// <summary>The delivery of the run's environment, opened once over the run's environment catalogue.</summary>
    private async Task<EnvironmentDelivery> DeliveryAsync(CancellationToken cancellationToken)
    {
        if (_delivery is null)
        {
            var context = new DeliveryContext(RootDirectory, ProcessEnvironmentVariables.Instance, TimeProvider.System, Log, new LocalClusterStarter())
            {
                Processes = _processes,
            };
            _delivery = EnvironmentDelivery.Open(context, await CatalogAsync(cancellationToken), EnvironmentName!);
        }

        return _delivery;
    }
}
