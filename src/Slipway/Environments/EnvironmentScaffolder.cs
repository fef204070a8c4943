using System.Text;
using Slipway.Environments.Yaml;
using Slipway.IO;
using Slipway.Yaml;

namespace Slipway.Environments;

/// <summary>
/// The NewEnvironment target's library: writes <c>environments/&lt;name&gt;/env.yaml</c> extending a parent, with
/// the keys a user usually changes filled in from the parent (description, GitOps path, infrastructure workspace,
/// app tags and replicas). Refuses to overwrite an existing environment; the file is written atomically.
/// </summary>
public static class EnvironmentScaffolder
{
    /// <summary>Creates the environment and returns the path written, relative to the repository root.</summary>
    public static async Task<string> CreateAsync(EnvironmentCatalog catalog, string name, IReadOnlyList<string> extends, CancellationToken cancellationToken)
    {
        EnvironmentName.Require(name, "--name");
        if (extends.Count == 0)
        {
            throw SlipwayException.Input("--extends is required: name the parent environment, e.g. --extends staging");
        }

        string relative = $"{EnvironmentCatalog.EnvironmentsFolder}/{name}/{EnvironmentLayerReader.EnvFileName}";
        string path = Path.Combine(Path.GetFullPath(catalog.RepositoryRoot), EnvironmentCatalog.EnvironmentsFolder, name, EnvironmentLayerReader.EnvFileName);
        if (File.Exists(path) || Directory.Exists(Path.GetDirectoryName(path)))
        {
            throw SlipwayException.Input($"{relative}: environment '{name}' already exists; edit it, or choose another --name (NewEnvironment never overwrites)");
        }

        foreach (string parent in extends)
        {
            catalog.Require(parent, "--extends");
        }

        ResolvedEnvironment merged = MergeParents(catalog, extends);
        List<Diagnostic> errors = [.. merged.Diagnostics.Where(diagnostic => diagnostic.IsError)];
        if (errors.Count > 0)
        {
            throw SlipwayException.Input(
                $"{string.Join(Environment.NewLine, errors.Select(DiagnosticFormatter.Format))}{Environment.NewLine}fix the parent environment first (./build.sh Validate)");
        }

        await AtomicFile.WriteAllTextAsync(path, Render(name, extends, merged.Root), cancellationToken).ConfigureAwait(false);
        return relative;
    }

    /// <summary>The text of the new env.yaml.</summary>
    public static string Render(string name, IReadOnlyList<string> extends, ConfigMapping parent)
    {
        var text = new StringBuilder();
        text.Append("# yaml-language-server: $schema=../schema.json\n");
        text.Append("# Created by ./build.sh NewEnvironment. Keys below override the parents; see docs/environments.md.\n");
        text.Append("extends: [").AppendJoin(", ", extends).Append("]\n");
        text.Append("description: ").Append(YamlScalarText.String($"{name} environment (from {string.Join(", ", extends)})")).Append('\n');
        text.Append("gitops:\n  path: ").Append(YamlScalarText.String($"clusters/{name}")).Append('\n');
        if (parent.Get("infrastructure") is ConfigMapping)
        {
            text.Append("infrastructure:\n  workspace: ").Append(name).Append('\n');
        }

        if (parent.Get("apps") is ConfigMapping { Count: > 0 } apps)
        {
            text.Append("apps:\n");
            foreach (ConfigEntry app in apps.Entries)
            {
                text.Append("  ").Append(YamlScalarText.String(app.Key)).Append(":\n");
                if (app.Value is not ConfigMapping settings)
                {
                    continue;
                }

                AppendInherited(text, settings.GetEntry("tag"), "tag");
                AppendInherited(text, settings.GetEntry("replicas"), "replicas");
            }
        }

        return text.ToString();
    }

    private static void AppendInherited(StringBuilder text, ConfigEntry? entry, string key)
    {
        if (entry?.Value is ConfigScalar scalar)
        {
            text.Append("    ").Append(key).Append(": ").Append(YamlScalarText.AsRead(scalar.Value, scalar.Quoted, inFlow: false))
                .Append("  # was ").Append(entry.KeyLocation.File).Append(':').Append(entry.KeyLocation.Line).Append('\n');
        }
    }

    private static ResolvedEnvironment MergeParents(EnvironmentCatalog catalog, IReadOnlyList<string> parents)
    {
        if (parents.Count == 1)
        {
            return catalog.Resolve(parents[0]);
        }

        var diagnostics = new List<Diagnostic>();
        var root = new ConfigMapping(new SourceLocation(EnvironmentCatalog.EnvironmentsFolder, 1, 1));
        foreach (string parent in parents)
        {
            ResolvedEnvironment resolved = catalog.Resolve(parent);
            diagnostics.AddRange(resolved.Diagnostics);
            ConfigMerger.MergeInto(root, resolved.Root, diagnostics);
        }

        return new ResolvedEnvironment(string.Join("+", parents), parents, root, diagnostics);
    }
}
