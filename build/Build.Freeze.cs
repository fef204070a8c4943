using Slipway;
using Slipway.Delivery;
using Slipway.Environments;
using Slipway.Environments.Settings;
using Slipway.Freezing;
using Slipway.Freezing.Charts;
using Slipway.Freezing.Images;
using Slipway.Freezing.Lock;
using Slipway.Freezing.Modules;
using Slipway.Hosting;
using Slipway.Targets;

/// <summary>Freezing: Freeze (--check, --only, --operator) and FreezeCheck, the step that keeps protected environments frozen (src/Slipway/Freezing). --only is Benchmark's parameter too (Build.Benchmark.cs).</summary>
internal sealed partial class Build
{
    [Parameter("Freeze: \"==\" pins exact versions and digests (the default), \"~=\" compatible ones (docs/freeze.md)")]
    private readonly string? _operator;

    [Parameter("Freeze, GenerateCi: check instead of writing (the lock; the committed CI files); exit 2 with the differences when missing, stale or edited")]
    private readonly bool _check;

    private Target Freeze => _ => _
        .Description("Pin every floating version of --env (chart ranges, image tags to digests) in environments/<env>/versions.lock.yaml; --check compares instead")
        .Requires(() => _env)
        .Executes(async ct =>
        {
            EnvironmentCatalog catalog = await CatalogAsync(ct);
            catalog.Require(_env!);
            var freeze = new EnvironmentFreeze(FreezeContext(catalog));
            if (_check)
            {
                freeze.RequireCurrent(catalog, _env!, FailureKind.Input, $"{VersionLock.RelativePath(_env!)} is not current");
                Output.Success($"{VersionLock.RelativePath(_env!)} is current: every floating version of {_env} is pinned and the configuration has not changed since");
                return;
            }

            VersionLock made = await freeze.FreezeAsync(catalog, _env!, new FreezeOptions(PinOperators.Parse(_operator), _only), ct);
            freeze.RequireCurrent(catalog, _env!, FailureKind.Failed, "the lock just written does not read back as current");
            foreach (LockEntry entry in made.Entries)
            {
                Output.Info($"  {LockEntryKinds.Name(entry.Kind),-6} {entry.Key}: {entry.Requested} -> {entry.Pin}  ({entry.Source})");
            }

            Output.Success($"Froze {_env}: {made.Entries.Count} entries ({PinOperators.Text(made.Operator)}) in {VersionLock.RelativePath(_env!)}. Commit it; ./build.sh Freeze --env {_env} --check verifies it.");
        });

    private Target FreezeCheck => _ => _
        .Description("A protected --env deploys only with a current versions.lock.yaml (Freeze --check); refuses (exit 3) when it is missing or stale")
        .Requires(() => _env)
        .After(Validate)
        .Before(PlanInfra)
        .Executes(async ct =>
        {
            EnvironmentCatalog catalog = await CatalogAsync(ct);
            if (!EnvironmentSettings.From(catalog.Resolve(_env!)).Protected)
            {
                Output.Info($"{_env} is not protected: it deploys without a lock check");
                return;
            }

            new EnvironmentFreeze(FreezeContext(catalog)).RequireCurrent(catalog, _env!, FailureKind.Refused,
                $"{_env} is protected and deploys only what was frozen, but {VersionLock.RelativePath(_env!)} is not current");
            Output.Success($"{VersionLock.RelativePath(_env!)} is current: {_env} deploys the versions it pins");
        });

    /// <summary>Validate's part for protected environments (when Validate is asked for itself: a deploy's FreezeCheck refuses with exit 3 instead).</summary>
    private void RequireProtectedLocksCurrent(EnvironmentCatalog catalog)
    {
        if (!IsRequested(nameof(Validate)))
        {
            return;
        }

        var freeze = new EnvironmentFreeze(FreezeContext(catalog));
        foreach (string name in string.IsNullOrEmpty(_env) ? catalog.Names : [_env])
        {
            if (catalog.Resolve(name).Root.Get("protected") is Slipway.Environments.Yaml.ConfigScalar { Value: "true" })
            {
                freeze.RequireCurrent(catalog, name, FailureKind.Input, $"{name} is protected and {VersionLock.RelativePath(name)} is not current");
            }
        }
    }

    private HttpClient? _freezeHttp;

    /// <summary>What Freeze needs here: the real resolvers over one HTTP client (per mirror map), and the local cluster starter a 'local' mirror needs.</summary>
    private FreezeContext FreezeContext(EnvironmentCatalog catalog)
    {
        HttpClient http = _freezeHttp ??= new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        return new FreezeContext(RootDirectory, TimeProvider.System, Log, (settings, mirrors) => new FreezeResolvers(
            new HelmChartResolver(http, mirrors, Log, baseDirectory: RootDirectory),
            new OciImageResolver(http, mirrors, RegistryLogin.Resolve(settings.Registries, new SecretResolver(ProcessEnvironmentVariables.Instance, RootDirectory, Log)), Log),
            new TerraformModuleResolver(http, mirrors, Log)))
        {
            LocalClusters = new LocalClusterStarter(Log),
            SeedImages = EnvironmentDelivery.LocalClusterImages(catalog),
        };
    }
}
