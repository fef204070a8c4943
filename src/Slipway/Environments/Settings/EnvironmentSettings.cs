using Slipway.Environments.Validation;
using Slipway.Environments.Yaml;

namespace Slipway.Environments.Settings;

/// <summary>
/// The typed view of a merged, validated environment that later targets read. Build it with <see cref="Load"/>
/// (validates first; errors throw) or <see cref="From"/> (for a tree already validated).
/// </summary>
public sealed record EnvironmentSettings
{
    public static readonly TimeSpan DefaultPlanMaxAge = TimeSpan.FromHours(1);
    public static readonly TimeSpan DefaultVerifyTimeout = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan DefaultVerifyInterval = TimeSpan.FromSeconds(5);

    public required string Name { get; init; }

    public bool Protected { get; init; }

    public string? Description { get; init; }

    public required ClusterSettings Cluster { get; init; }

    public required GitOpsSettings GitOps { get; init; }

    public InfrastructureSettings? Infrastructure { get; init; }

    public required PlatformSettings Platform { get; init; }

    public required IReadOnlyDictionary<string, AppSettings> Apps { get; init; }

    public required GatesSettings Gates { get; init; }

    public required VerifySettings Verify { get; init; }

    public required RollbackSettings Rollback { get; init; }

    public required ResolvedEnvironment Source { get; init; }

    /// <summary>
    /// Validates <paramref name="environment"/> of the loaded <paramref name="catalog"/> and returns its settings.
    /// Any error (or warning, with <paramref name="warningsAsErrors"/>) throws a <see cref="SlipwayException"/> (Input)
    /// listing every diagnostic.
    /// </summary>
    public static EnvironmentSettings Load(EnvironmentCatalog catalog, string environment, bool warningsAsErrors = false)
    {
        EnvironmentName.Require(environment, "--env");
        EnvironmentValidator.Validate(catalog, environment).ThrowIfFailed(warningsAsErrors);
        return From(catalog.Resolve(environment));
    }

    public static EnvironmentSettings From(ResolvedEnvironment environment)
    {
        ConfigMapping root = environment.Root;
        ConfigMapping? cluster = ConfigReader.Mapping(root, "cluster");
        ConfigMapping? gitops = ConfigReader.Mapping(root, "gitops");
        ConfigMapping? gates = ConfigReader.Mapping(root, "gates");
        ConfigMapping? verify = ConfigReader.Mapping(root, "verify");
        return new EnvironmentSettings
        {
            Name = environment.Name,
            Protected = ConfigReader.Bool(root, "protected"),
            Description = ConfigReader.String(root, "description"),
            Cluster = new ClusterSettings(ConfigReader.Bool(cluster, "local"), ConfigReader.String(cluster, "kubeconfig"), ConfigReader.String(cluster, "context")),
            GitOps = new GitOpsSettings(
                ConfigReader.String(gitops, "repository") ?? throw Missing(environment, "gitops.repository"),
                ConfigReader.String(gitops, "branch", "main"),
                ConfigReader.String(gitops, "path", $"clusters/{environment.Name}"),
                ConfigReader.String(gitops, "engine", "flux")),
            Infrastructure = ReadInfrastructure(environment),
            Platform = new PlatformSettings(ReadReleases(ConfigReader.Mapping(ConfigReader.Mapping(root, "platform"), "releases"))),
            Apps = ReadApps(ConfigReader.Mapping(root, "apps")),
            Gates = new GatesSettings(
                ConfigReader.Strings(gates, "branches"),
                ConfigReader.Int(gates, "approvals", 0),
                ConfigReader.Duration(gates, "cooling", GatesSettings.DefaultCooling),
                ReadWindows(gates),
                ConfigReader.String(gates, "promoteFrom"))
            {
                Freezes = ReadFreezes(gates),
                RiskApprovals = ReadRiskApprovals(ConfigReader.Mapping(gates, "riskApprovals")),
            },
            Verify = new VerifySettings(
                ConfigReader.Duration(verify, "timeout", DefaultVerifyTimeout),
                ConfigReader.Duration(verify, "interval", DefaultVerifyInterval),
                ConfigReader.Strings(verify, "endpoints")),
            Rollback = new RollbackSettings(ConfigReader.Bool(ConfigReader.Mapping(root, "rollback"), "auto")),
            Source = environment,
        };
    }

    private static InfrastructureSettings? ReadInfrastructure(ResolvedEnvironment environment)
    {
        ConfigMapping? infrastructure = ConfigReader.Mapping(environment.Root, "infrastructure");
        if (infrastructure is null)
        {
            return null;
        }

        var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        if (ConfigReader.Mapping(infrastructure, "variables") is { } mapping)
        {
            foreach (ConfigEntry entry in mapping.Entries)
            {
                object? value = entry.Value switch
                {
                    ConfigScalar { IsNull: true } => null,
                    ConfigScalar scalar => scalar.Value,
                    ConfigNode node => ConfigReader.Plain(node),
                };
                if (value is not null)
                {
                    variables[entry.Key] = value;
                    sources[entry.Key] = entry.KeyLocation.ToString();
                }
            }
        }

        ConfigEntry? workspace = infrastructure.GetEntry("workspace");
        return new InfrastructureSettings(
            ConfigReader.String(infrastructure, "stack") ?? throw Missing(environment, "infrastructure.stack"),
            ConfigReader.String(infrastructure, "workspace", environment.Name),
            ConfigReader.String(infrastructure, "tool") == "tofu" ? InfrastructureTool.Tofu : InfrastructureTool.Terraform,
            variables,
            ConfigReader.Duration(infrastructure, "planMaxAge", DefaultPlanMaxAge))
        {
            VariableSources = sources,
            WorkspaceSource = workspace is { Value: ConfigScalar { IsNull: false } } ? workspace.KeyLocation.ToString() : null,
            Backend = ReadBackend(ConfigReader.Mapping(infrastructure, "backend")),
        };
    }

    private static BackendSettings? ReadBackend(ConfigMapping? backend)
    {
        if (backend?.GetEntry("type") is not { Value: ConfigScalar { IsNull: false } type } typeEntry)
        {
            return null;
        }

        var config = new Dictionary<string, string>(StringComparer.Ordinal);
        var sources = new Dictionary<string, string>(StringComparer.Ordinal) { ["type"] = typeEntry.KeyLocation.ToString() };
        foreach (ConfigEntry entry in ConfigReader.Mapping(backend, "config")?.Entries ?? [])
        {
            if (entry.Value is ConfigScalar { IsNull: false } scalar)
            {
                config[entry.Key] = scalar.Value;
                sources["config." + entry.Key] = entry.KeyLocation.ToString();
            }
        }

        return new BackendSettings(type.Value, config, sources);
    }

    private static Dictionary<string, ReleaseSettings> ReadReleases(ConfigMapping? releases)
    {
        var result = new Dictionary<string, ReleaseSettings>(StringComparer.Ordinal);
        foreach (ConfigEntry entry in releases?.Entries ?? [])
        {
            ConfigMapping? release = entry.Value as ConfigMapping;
            result[entry.Key] = new ReleaseSettings(
                entry.Key,
                ConfigReader.String(release, "chart", entry.Key),
                ConfigReader.String(release, "repository", string.Empty),
                ConfigReader.String(release, "version", string.Empty),
                ConfigReader.String(release, "namespace", entry.Key),
                ConfigReader.PlainMapping(ConfigReader.Mapping(release, "values")));
        }

        return result;
    }

    private static Dictionary<string, AppSettings> ReadApps(ConfigMapping? apps)
    {
        var result = new Dictionary<string, AppSettings>(StringComparer.Ordinal);
        foreach (ConfigEntry entry in apps?.Entries ?? [])
        {
            ConfigMapping? app = entry.Value as ConfigMapping;
            result[entry.Key] = new AppSettings(
                entry.Key,
                ConfigReader.String(app, "image", string.Empty),
                ConfigReader.String(app, "tag", "latest"),
                ConfigReader.Int(app, "replicas", 1),
                ConfigReader.String(app, "namespace", entry.Key),
                ConfigReader.Strings(app, "endpoints"))
            {
                Digest = ConfigReader.String(app, "digest"),
            };
        }

        return result;
    }

    private static List<DeploymentWindow> ReadWindows(ConfigMapping? gates)
    {
        var windows = new List<DeploymentWindow>();
        if (gates?.Get("windows") is ConfigSequence sequence)
        {
            foreach (ConfigMapping window in sequence.Items.OfType<ConfigMapping>())
            {
                windows.Add(new DeploymentWindow(
                    Days(ConfigReader.String(window, "days", "daily")),
                    TimeOnly.ParseExact(ConfigReader.String(window, "start", "00:00"), "HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                    TimeOnly.ParseExact(ConfigReader.String(window, "end", "23:59"), "HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                    ConfigReader.String(window, "timezone", "UTC")));
            }
        }

        return windows;
    }

    private static List<FreezePeriod> ReadFreezes(ConfigMapping? gates)
    {
        var freezes = new List<FreezePeriod>();
        if (gates?.Get("freezes") is ConfigSequence sequence)
        {
            foreach (ConfigMapping freeze in sequence.Items.OfType<ConfigMapping>())
            {
                freezes.Add(new FreezePeriod(
                    FreezeDate(freeze, "from", DateOnly.MinValue),
                    FreezeDate(freeze, "to", DateOnly.MaxValue),
                    ConfigReader.String(freeze, "reason", "freeze"),
                    ConfigReader.String(freeze, "timezone", "UTC")));
            }
        }

        return freezes;
    }

    private static DateOnly FreezeDate(ConfigMapping freeze, string key, DateOnly fallback)
    {
        if (freeze.GetEntry(key)?.Value is not ConfigScalar { IsNull: false } scalar)
        {
            return fallback;
        }

        return DateOnly.TryParseExact(scalar.Value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out DateOnly date)
            ? date
            : throw SlipwayException.Input($"{scalar.Location}: gates.freezes[].{key} '{scalar.Value}' is not a date (YYYY-MM-DD, e.g. 2026-12-20).");
    }

    private static RiskApprovals ReadRiskApprovals(ConfigMapping? risk)
        => risk is null
            ? RiskApprovals.Default
            : new RiskApprovals(
                ConfigReader.Int(risk, "medium", RiskApprovals.Default.Medium),
                ConfigReader.Int(risk, "high", RiskApprovals.Default.High),
                ConfigReader.Int(risk, "critical", RiskApprovals.Default.Critical));

    private static List<DayOfWeek> Days(string text)
    {
        string[] names = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
        if (text == "daily")
        {
            return [.. Enum.GetValues<DayOfWeek>()];
        }

        if (text.Split('-') is [string from, string to])
        {
            var days = new List<DayOfWeek>();
            int start = Array.IndexOf(names, from);
            int end = Array.IndexOf(names, to);
            if (start < 0 || end < 0)
            {
                return days;
            }

            for (int day = start; ; day = (day + 1) % 7)
            {
                days.Add((DayOfWeek)day);
                if (day == end)
                {
                    return days;
                }
            }
        }

        return [.. text.Split(',').Select(day => Array.IndexOf(names, day)).Where(day => day >= 0).Select(day => (DayOfWeek)day)];
    }

    private static SlipwayException Missing(ResolvedEnvironment environment, string key)
        => SlipwayException.Input($"environment '{environment.Name}' has no '{key}': set it in environments/{environment.Name}/env.yaml or a layer it extends (./build.sh Validate --env {environment.Name})");
}
