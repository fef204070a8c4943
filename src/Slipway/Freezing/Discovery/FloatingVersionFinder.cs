using Slipway.Environments;
using Slipway.Environments.Yaml;
using Slipway.Freezing.Lock;

namespace Slipway.Freezing.Discovery;

/// <summary>
/// Finds what Freeze pins in a merged environment (before its lock is applied): every chart of <c>platform.releases</c>
/// (a range floats; an exact version is recorded with the index that served it), every image tag of <c>apps</c> (tags
/// are mutable: each is pinned to its digest), and the module constraints the caller read from the stack.
/// </summary>
public static class FloatingVersionFinder
{
    public static IReadOnlyList<FloatingVersion> Find(ResolvedEnvironment environment, IReadOnlyList<ModuleRequest>? modules = null)
    {
        var found = new List<FloatingVersion>();
        if (environment.Root.Find("platform.releases")?.Value is ConfigMapping releases)
        {
            foreach (ConfigEntry release in releases.Entries)
            {
                if (release.Value is ConfigMapping settings
                    && settings.GetEntry("version") is { Value: ConfigScalar { IsNull: false } version } versionEntry
                    && Text(settings, "repository") is string repository)
                {
                    string chart = Text(settings, "chart") ?? release.Key;
                    string key = ConfigPath.Format(["platform", "releases", release.Key, "version"]);
                    found.Add(new FloatingVersion(LockEntryKind.Chart, key, $"{repository} {chart}", version.Value, versionEntry.KeyLocation)
                    {
                        Chart = new ChartRequest(chart, repository, version.Value),
                    });
                }
            }
        }

        if (environment.Root.Get("apps") is ConfigMapping apps)
        {
            foreach (ConfigEntry app in apps.Entries)
            {
                if (app.Value is ConfigMapping settings
                    && settings.GetEntry("tag") is { Value: ConfigScalar { IsNull: false } tag } tagEntry
                    && Text(settings, "image") is string image)
                {
                    string key = ConfigPath.Format(["apps", app.Key, "tag"]);
                    found.Add(new FloatingVersion(LockEntryKind.Image, key, image, tag.Value, tagEntry.KeyLocation)
                    {
                        Image = new ImageRequest(image, tag.Value, Text(settings, "digest")),
                    });
                }
            }
        }

        foreach (ModuleRequest module in modules ?? [])
        {
            found.Add(new FloatingVersion(LockEntryKind.Module, ModuleKey(module), module.Source, module.Constraint, new SourceLocation(module.File, module.Line, 1))
            {
                Module = module,
            });
        }

        return [.. found.OrderBy(f => f.Kind).ThenBy(f => f.Key, StringComparer.Ordinal)];
    }

    /// <summary>The lock key of a module block: <c>modules.&lt;file&gt;.&lt;name&gt;</c>, e.g. <c>modules["infra/platform/main.tf"].network</c>.</summary>
    public static string ModuleKey(ModuleRequest module) => ConfigPath.Format(["modules", module.File, module.Name]);

    private static string? Text(ConfigMapping mapping, string key) => mapping.Get(key) is ConfigScalar { IsNull: false } scalar ? scalar.Value : null;
}
