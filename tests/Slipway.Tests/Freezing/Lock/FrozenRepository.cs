using Slipway.Environments;
using Slipway.Freezing;
using Slipway.Freezing.Charts;
using Slipway.Freezing.Images;
using Slipway.Freezing.Lock;
using Slipway.Freezing.Modules;
using Slipway.Hosting;
using Slipway.Tests.Environments;
using Slipway.Tests.Freezing.Charts;
using Slipway.Tests.Freezing.Images;
using Slipway.Tests.Support;

namespace Slipway.Tests.Freezing.Lock;

/// <summary>
/// A copy of the repository's base, ha and production layers in a temp repository whose <c>freeze.mirrors</c> point at a
/// Helm repository and an OCI registry (with the token challenge) on 127.0.0.1, and a freeze over it with the real
/// resolvers over HTTP.
/// </summary>
internal sealed class FrozenRepository : IAsyncDisposable
{
    private readonly Dictionary<string, List<string>> _charts = new(StringComparer.Ordinal)
    {
        ["kubernetes.github.io/ingress-nginx|ingress-nginx"] = ["4.10.0", "4.11.3", "4.12.0"],
        ["prometheus-community.github.io/helm-charts|kube-prometheus-stack"] = ["65.0.0", "65.1.1", "66.2.1"],
    };

    private FrozenRepository(ChartRepositoryServer charts, TokenRegistryServer registry)
    {
        Charts = charts;
        Registry = registry;
        WebDigest = registry.Push("public/web", "1.0.0");
        foreach (string layer in new[] { "base", "ha", "production" })
        {
            string text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "environments", layer, "env.yaml")).ReplaceLineEndings("\n");
            int freeze = text.IndexOf("\nfreeze:\n", StringComparison.Ordinal);
            Repository.Write($"{layer}/env.yaml", freeze < 0 ? text : text[..(freeze + 1)]);
        }

        File.AppendAllText(Path.Combine(Repository.Root, "environments", "base", "env.yaml"),
            $"freeze:\n  mirrors:\n    \"https://\": {Charts.Url("/charts/")}\n    registry.local: {Registry.BaseAddress}public\n");
        PublishCharts();
        Directory.CreateDirectory(Path.Combine(Repository.Root, "infra", "platform"));
        Freeze = new EnvironmentFreeze(new FreezeContext(Repository.Root, Clock, Log, (settings, mirrors) => new FreezeResolvers(
            new HelmChartResolver(Http, mirrors),
            new OciImageResolver(Http, mirrors, RegistryLogin.Resolve(settings.Registries, new SecretResolver(new DictionaryEnvironmentVariables(Variables), Repository.Root, Log)), Log),
            new TerraformModuleResolver(Http, mirrors, Log))));
    }

    public ChartRepositoryServer Charts { get; }

    /// <summary>The registry that <c>registry.local</c> is mirrored to (its anonymous <c>public/</c> repositories).</summary>
    public TokenRegistryServer Registry { get; }

    /// <summary>The digest of <c>registry.local/web:1.0.0</c>, production's image.</summary>
    public string WebDigest { get; }

    public HttpClient Http { get; } = new();

    public RecordingLog Log { get; } = new();

    /// <summary>The environment variables <c>${env:…}</c> references read.</summary>
    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    public TempRepository Repository { get; } = new();

    public TestClock Clock { get; } = TestClock.At(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    public EnvironmentFreeze Freeze { get; }

    public string LockPath => VersionLock.FullPath(Repository.Root, "production");

    public string LockText => File.ReadAllText(LockPath);

    public static async Task<FrozenRepository> StartAsync() => new(await ChartRepositoryServer.StartAsync(), await TokenRegistryServer.StartAsync());

    /// <summary>Adds <paramref name="version"/> of <paramref name="chart"/> to the index of the repository that holds it.</summary>
    public void PublishChart(string chart, string version)
    {
        _charts.Single(c => c.Key.EndsWith("|" + chart, StringComparison.Ordinal)).Value.Add(version);
        PublishCharts();
    }

    /// <summary>Writes <paramref name="file"/> of the stack, infra/platform/.</summary>
    public void WriteStack(string file, string text) => File.WriteAllText(Path.Combine(Repository.Root, "infra", "platform", file), text);

    public Task<EnvironmentCatalog> CatalogAsync() => EnvironmentCatalog.LoadAsync(Repository.Root, TestContext.Current.CancellationToken);

    public async Task<VersionLock> FreezeAsync(FreezeOptions? options = null)
        => await Freeze.FreezeAsync(await CatalogAsync(), "production", options ?? new FreezeOptions(), TestContext.Current.CancellationToken);

    public async Task<IReadOnlyList<string>> CheckAsync() => Freeze.Check(await CatalogAsync(), "production");

    /// <summary>Replaces <paramref name="old"/> by <paramref name="replacement"/> in environments/<paramref name="file"/>.</summary>
    public void Edit(string file, string old, string replacement)
    {
        string path = Path.Combine(Repository.Root, "environments", file);
        string text = File.ReadAllText(path);
        text.ShouldContain(old);
        File.WriteAllText(path, text.Replace(old, replacement, StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Repository.Dispose();
        await Charts.DisposeAsync();
        await Registry.DisposeAsync();
    }

    private void PublishCharts()
    {
        foreach (IGrouping<string, KeyValuePair<string, List<string>>> repository in _charts.GroupBy(c => c.Key.Split('|')[0]))
        {
            Charts.Serve($"/charts/{repository.Key}/index.yaml",
                ChartRepositoryServer.Index([.. repository.Select(c => (c.Key.Split('|')[1], c.Value.ToArray()))]));
        }
    }
}
