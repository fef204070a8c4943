using Slipway.Environments;
using Slipway.Environments.Settings;

namespace Slipway.Ci;

/// <summary>
/// Which deployable environments a set of changed files touches: a file under <c>environments/&lt;layer&gt;/</c> touches
/// every environment that inherits that layer; a file of an environment's Terraform stack touches it; a change to the
/// tool itself (build/, src/, global.json, Directory.*.props, build.sh, environments/schema.json) touches all; anything
/// else (docs, tests) none. Deployable: an environment no other extends, or a protected one (production).
/// </summary>
public static class ChangedEnvironmentMap
{
    private static readonly string[] s_toolPrefixes = ["build/", "src/", "global.json", "Directory.", "build.sh", "build.ps1", ".nuke/parameters"];

    public static IReadOnlyList<string> Deployable(EnvironmentCatalog catalog)
    {
        var extended = catalog.Layers.Values.SelectMany(l => l.Extends).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        return [.. catalog.Names.Where(n => !extended.Contains(n) || catalog.Resolve(n).Find("protected")?.Value.ToString() == "true")];
    }

    /// <summary>The deployable environments <paramref name="changedFiles"/> (paths relative to the repository root, with /) touch, sorted.</summary>
    public static IReadOnlyList<string> Map(EnvironmentCatalog catalog, IEnumerable<string> changedFiles)
    {
        IReadOnlyList<string> deployable = Deployable(catalog);
        var touched = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string file in changedFiles.Select(f => f.Replace('\\', '/')))
        {
            touched.UnionWith(deployable.Where(environment => Touches(catalog, environment, file)));
        }

        return [.. touched];
    }

    /// <summary>The environments (deployable or not) that inherit <paramref name="layer"/>, itself excluded, sorted; exit 2 when there is none.</summary>
    public static IReadOnlyList<string> Extending(EnvironmentCatalog catalog, string layer)
    {
        catalog.Require(layer, "--matrix");
        var result = catalog.Names.Where(n => n != layer && catalog.Resolve(n).Layers.Contains(layer)).ToList();
        return result.Count > 0
            ? result
            : throw SlipwayException.Input($"--matrix {layer}: no environment extends the layer '{layer}' (environments/*/env.yaml 'extends'), so there is nothing to fan out to. Create one with ./build.sh NewEnvironment --name <site> --extends {layer}");
    }

    private static bool Touches(EnvironmentCatalog catalog, string environment, string file)
    {
        if (s_toolPrefixes.Any(p => file.StartsWith(p, StringComparison.Ordinal)) || file == $"{EnvironmentCatalog.EnvironmentsFolder}/schema.json")
        {
            return true;
        }

        string[] parts = file.Split('/');
        if (parts.Length >= 3 && parts[0] == EnvironmentCatalog.EnvironmentsFolder)
        {
            return catalog.Resolve(environment).Layers.Contains(parts[1]);
        }

        string? stack = ConfigReader.String(ConfigReader.Mapping(catalog.Resolve(environment).Root, "infrastructure"), "stack");
        return stack is not null && file.StartsWith(stack.TrimEnd('/').TrimStart('.', '/') + "/", StringComparison.Ordinal);
    }
}
