using Slipway.Environments;
using Slipway.Environments.Review;
using Slipway.Environments.Validation;
using Slipway.Targets;

/// <summary>Environments: Validate, ShowConfig, NewEnvironment (src/Slipway/Environments).</summary>
internal sealed partial class Build
{
    [Parameter("Validate: treat warnings (SLW1xxx) as errors")]
    private readonly bool _warningsAsErrors;

    [Parameter("ShowConfig: one dotted key to print with its override chain, e.g. apps.web.tag")]
    private readonly string? _key;

    [Parameter("NewEnvironment: the name of the environment to create (a-z, 0-9, -)")]
    private readonly string? _name;

    [Parameter("NewEnvironment: the parent environments, in order (later ones win)")]
    private readonly string[] _extends = [];

    private Task<EnvironmentCatalog>? _catalog;

    private Target Validate => _ => _
        .Description("Load, merge and check environments (--env NAME, or all); report every problem as file(line,col); a protected one needs a current versions.lock.yaml")
        .Executes(async ct =>
        {
            EnvironmentCatalog catalog = await CatalogAsync(ct);
            EnvironmentValidator.Run(catalog, _env, _warningsAsErrors, Host == HostKind.GitHubActions, Log);
            RequireProtectedLocksCurrent(catalog);
        });

    private Target ShowConfig => _ => _
        .Description("Print the merged configuration of --env with where each value came from (--key a.b.c for one value)")
        .Requires(() => _env)
        .Executes(async ct => Output.Info(ConfigPrinter.Show(await CatalogAsync(ct), _env!, _key)));

    private Target NewEnvironment => _ => _
        .Description("Scaffold environments/<name>/env.yaml from --extends, refusing to overwrite")
        .Requires(() => _name)
        .Requires(() => _extends)
        .Executes(async ct =>
        {
            string path = await EnvironmentScaffolder.CreateAsync(await CatalogAsync(ct), _name!, _extends, ct);
            Output.Success($"Created {path}. Next: edit it, then ./build.sh Validate --env {_name}");
        });

    /// <summary>The repository's environments, loaded once per run on first use and shared by every target.</summary>
    private Task<EnvironmentCatalog> CatalogAsync(CancellationToken cancellationToken)
        => _catalog ??= LoadCatalogAsync(cancellationToken);

    /// <summary>The folders under environments/, and a review environment's layer (made in memory from aio) when --env names one.</summary>
    private async Task<EnvironmentCatalog> LoadCatalogAsync(CancellationToken cancellationToken)
        => ReviewLayer.AddTo(await EnvironmentCatalog.LoadAsync(RootDirectory, cancellationToken), _env);
}
