using Slipway.Delivery;
using Slipway.Environments;
using Slipway.Tests.Support;

namespace Slipway.Tests.Delivery;

/// <summary>
/// The environments are loaded once per run: the build loads the catalogue (once, lazily) and every library call takes it;
/// nothing in src/ loads it again behind the build's back.
/// </summary>
public sealed class CatalogLoadedOnceTests
{
    private const string LoadCall = "EnvironmentCatalog.LoadAsync(";

    [Fact]
    public void Nothing_in_src_loads_the_environments_itself()
    {
        List<string> callers = Directory.EnumerateFiles(RepositoryPaths.Combine("src"), "*.cs", SearchOption.AllDirectories)
            .Where(static f => File.ReadAllText(f).Contains(LoadCall, StringComparison.Ordinal))
            .Select(static f => Path.GetRelativePath(RepositoryPaths.Root, f))
            .ToList();

        // Impact reads the environments of the commit last deployed from a scratch checkout of it: another tree, once; the
        // run's own come in its request.
        string impact = Path.Combine("src", "Slipway", "Gates", "ImpactAnalyzer.cs");
        File.ReadAllText(Path.Combine(RepositoryPaths.Root, impact)).Split(LoadCall).Length.ShouldBe(2, "ImpactAnalyzer loads only the baseline commit's environments");
        callers.Remove(impact);
        callers.ShouldBeEmpty();
    }

    [Fact]
    public void The_build_loads_them_in_one_place()
    {
        var calls = Directory.EnumerateFiles(RepositoryPaths.Combine("build"), "*.cs", SearchOption.TopDirectoryOnly)
            .SelectMany(static f => File.ReadLines(f).Where(static l => l.Contains(LoadCall, StringComparison.Ordinal)).Select(l => $"{Path.GetFileName(f)}: {l.Trim()}"))
            .ToList();

        calls.Count.ShouldBe(1, string.Join(Environment.NewLine, calls));
    }

    [Fact]
    public void The_library_entry_points_take_the_loaded_catalogue()
    {
        typeof(EnvironmentDelivery).GetMethod(nameof(EnvironmentDelivery.Open))!.GetParameters().Select(static p => p.ParameterType).ShouldContain(typeof(EnvironmentCatalog));
        typeof(EnvironmentDelivery).GetMethod(nameof(EnvironmentDelivery.LocalClusterImages))!.GetParameters().Single().ParameterType.ShouldBe(typeof(EnvironmentCatalog));
        typeof(ConfigPrinter).GetMethod(nameof(ConfigPrinter.Show))!.GetParameters()[0].ParameterType.ShouldBe(typeof(EnvironmentCatalog));
        typeof(EnvironmentScaffolder).GetMethod(nameof(EnvironmentScaffolder.CreateAsync))!.GetParameters()[0].ParameterType.ShouldBe(typeof(EnvironmentCatalog));
    }
}
