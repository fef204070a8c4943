using System.Text;
using Slipway.Environments.Yaml;
using Slipway.Yaml;

namespace Slipway.Environments;

/// <summary>
/// The ShowConfig target's library: the merged configuration as YAML with the file and line of every value
/// (<c># environments/site/env.yaml:8</c>), or one key with its override chain. Plain-text values under keys that
/// look secret (the rule of the SLW0203 check, <see cref="SecretKeys.IsPlainTextSecret"/>) print as <c>"***"</c>,
/// quoted so the output stays YAML; secret references print as written (they name where the secret is, never its value).
/// </summary>
public static class ConfigPrinter
{
    private const string Mask = "\"***\"";

    /// <summary>Prints <paramref name="environment"/> of the loaded <paramref name="catalog"/> (or one <paramref name="key"/> of it).</summary>
    public static string Show(EnvironmentCatalog catalog, string environment, string? key)
    {
        EnvironmentName.Require(environment, "--env");
        ResolvedEnvironment resolved = catalog.Resolve(environment);
        List<Diagnostic> errors = [.. resolved.Diagnostics.Where(diagnostic => diagnostic.IsError)];
        if (errors.Count > 0)
        {
            throw SlipwayException.Input(
                $"{string.Join(Environment.NewLine, errors.Select(DiagnosticFormatter.Format))}{Environment.NewLine}environment '{environment}' cannot be shown until these are fixed (./build.sh Validate --env {environment})");
        }

        return string.IsNullOrEmpty(key) ? Print(resolved) : PrintKey(resolved, key);
    }

    /// <summary>The whole merged tree.</summary>
    public static string Print(ResolvedEnvironment environment)
    {
        var text = new StringBuilder();
        text.Append("# environment: ").Append(environment.Name).Append(" (layers: ").AppendJoin(" -> ", environment.Layers).Append(")\n");
        foreach (Diagnostic disagreement in environment.Disagreements)
        {
            text.Append("# ").Append(DiagnosticFormatter.Format(disagreement).ReplaceLineEndings(" ")).Append('\n');
        }

        var ordered = new ConfigMapping(environment.Root.Location, environment.Root.Count);
        foreach (ConfigEntry entry in environment.Root.Entries.OrderBy(entry => SchemaOrder(entry.Key)))
        {
            ordered.Set(entry);
        }

        WriteMapping(text, ordered, 0);
        return text.ToString();
    }

    /// <summary>
    /// One value (a path such as <c>apps.web.tag</c> or <c>values["docker.io"]</c>) and the layers it overrode, newest
    /// first; for a key a layer deleted with <c>null</c>, which file and line deleted it and what it removed.
    /// </summary>
    public static string PrintKey(ResolvedEnvironment environment, string key)
    {
        if (ConfigPath.Parse(key) is not { Count: > 0 } parts)
        {
            throw SlipwayException.Input($"--key: '{key}' is not a key path: close the bracket and quote, e.g. platform.releases.x.values[\"docker.io\"]");
        }

        ConfigEntry? entry = environment.Find(key);
        string last = parts[^1];
        if (entry is null && environment.Root.FindRemoval(key) is { } removal)
        {
            var deleted = new StringBuilder();
            deleted.Append("# ").Append(key).Append(": deleted by ").Append(Origin(removal.KeyLocation)).Append(" (").Append(LayerOf(removal.KeyLocation.File)).Append(")\n");
            AppendChain(deleted, removal, last, "deleted by ");
            return deleted.ToString();
        }

        if (entry is null)
        {
            List<string> paths = [.. AllPaths(environment.Root, string.Empty).Where(path => !string.Equals(path, key, StringComparison.Ordinal))];
            throw SlipwayException.Input(
                $"--key: '{key}' is not set in environment '{environment.Name}'{NameSuggester.Hint(key, paths)} (./build.sh ShowConfig --env {environment.Name} prints every key; write a key that holds dots in brackets: values[\"docker.io\"])");
        }

        var text = new StringBuilder();
        if (entry.Value is ConfigMapping or ConfigSequence)
        {
            text.Append(YamlScalarText.String(key)).Append(":  # ").Append(Origin(entry.KeyLocation)).Append('\n');
            WriteValue(text, entry.Value, 1, last);
        }
        else
        {
            text.Append(YamlScalarText.String(key)).Append(": ").Append(Inline(entry.Value, last)).Append('\n');
        }

        AppendChain(text, entry, last, "set by     ");
        return text.ToString();
    }

    private static void AppendChain(StringBuilder text, ConfigEntry newest, string key, string firstLabel)
    {
        text.Append("# override chain (newest first):\n");
        bool first = true;
        foreach (ConfigEntry link in newest.Chain())
        {
            string label = first ? firstLabel : link.Value is ConfigScalar { IsNull: true } ? "deleted by " : "overrode   ";
            text.Append("#   ").Append(label).Append(Origin(link.KeyLocation))
                .Append(" (").Append(LayerOf(link.KeyLocation.File)).Append("): ").Append(Inline(link.Value, key)).Append('\n');
            first = false;
        }
    }

    private static void WriteMapping(StringBuilder text, ConfigMapping mapping, int indent)
    {
        foreach (ConfigEntry entry in mapping.Entries)
        {
            text.Append(' ', indent * 2).Append(YamlScalarText.String(entry.Key)).Append(':');
            switch (entry.Value)
            {
                case ConfigMapping { Count: > 0 } or ConfigSequence { Items.Count: > 0 }:
                    text.Append("  # ").Append(Origin(entry.KeyLocation)).Append('\n');
                    WriteValue(text, entry.Value, indent + 1, entry.Key);
                    break;
                default:
                    text.Append(' ').Append(Inline(entry.Value, entry.Key)).Append("  # ").Append(Origin(entry.KeyLocation)).Append('\n');
                    break;
            }
        }
    }

    /// <summary>Writes a mapping or list; <paramref name="key"/> is its key, which decides the masking of a list's scalar items.</summary>
    private static void WriteValue(StringBuilder text, ConfigNode value, int indent, string key)
    {
        if (value is ConfigMapping mapping)
        {
            WriteMapping(text, mapping, indent);
            return;
        }

        foreach (ConfigNode item in ((ConfigSequence)value).Items)
        {
            text.Append(' ', indent * 2).Append('-');
            if (item is ConfigScalar)
            {
                text.Append(' ').Append(Inline(item, key)).Append("  # ").Append(Origin(item.Location)).Append('\n');
            }
            else
            {
                text.Append("  # ").Append(Origin(item.Location)).Append('\n');
                WriteValue(text, item, indent + 1, key);
            }
        }
    }

    /// <summary>A value on one line; <paramref name="key"/> is its key (for a list item, the list's), which decides masking.</summary>
    private static string Inline(ConfigNode value, string key) => value switch
    {
        ConfigScalar scalar when SecretKeys.IsPlainTextSecret(key, scalar) => Mask,
        ConfigScalar { IsExplicitNull: true } => YamlTreeReader.NullTag,
        ConfigScalar scalar => YamlScalarText.AsRead(scalar.Value, scalar.Quoted, inFlow: false),
        ConfigMapping { Count: 0 } => "{}",
        ConfigSequence sequence when sequence.Items.All(item => item is ConfigScalar)
            => "[" + string.Join(", ", sequence.Items.Select(item => SecretKeys.IsPlainTextSecret(key, (ConfigScalar)item) ? Mask : YamlScalarText.AsRead(((ConfigScalar)item).Value, ((ConfigScalar)item).Quoted, inFlow: true))) + "]",
        ConfigMapping => "{…}",
        _ => "[…]",
    };

    private static int SchemaOrder(string key)
    {
        IReadOnlyList<string> order = Schema.EnvironmentSchema.Root.Order;
        for (int i = 0; i < order.Count; i++)
        {
            if (order[i] == key)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private static string Origin(SourceLocation location) => $"{location.File}:{location.Line}";

    private static string LayerOf(string file)
    {
        string[] parts = file.Split('/');
        return parts.Length > 1 ? parts[1] : file;
    }

    private static IEnumerable<string> AllPaths(ConfigMapping mapping, string prefix)
    {
        foreach (ConfigEntry entry in mapping.Entries)
        {
            string path = ConfigPath.Append(prefix, entry.Key);
            yield return path;
            if (entry.Value is ConfigMapping child)
            {
                foreach (string nested in AllPaths(child, path))
                {
                    yield return nested;
                }
            }
        }
    }
}
