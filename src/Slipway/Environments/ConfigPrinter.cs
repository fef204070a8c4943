using System.Text;
using Slipway.Environments.Yaml;
using Slipway.Yaml;

namespace Slipway.Environments;

/// <summary>
/// The ShowConfig target's library: the merged configuration as YAML with the file and line of every value
/// (<c># environments/site/env.yaml:8</c>), or one key with its override chain. Plain-text values under keys that
/// look secret print as <c>***</c>; secret references print as written (they name where the secret is, never its value).
/// </summary>
public static class ConfigPrinter
{
    private const string Mask = "***";

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
        var ordered = new ConfigMapping(environment.Root.Location, environment.Root.Count);
        foreach (ConfigEntry entry in environment.Root.Entries.OrderBy(entry => SchemaOrder(entry.Key)))
        {
            ordered.Set(entry);
        }

        WriteMapping(text, ordered, 0, secret: false);
        return text.ToString();
    }

    /// <summary>One value (a dotted path such as <c>apps.web.tag</c>) and the layers it overrode, newest first.</summary>
    public static string PrintKey(ResolvedEnvironment environment, string key)
    {
        ConfigEntry entry = environment.Find(key) ?? throw SlipwayException.Input(
            $"--key: '{key}' is not set in environment '{environment.Name}'{NameSuggester.Hint(key, AllPaths(environment.Root, string.Empty))} (./build.sh ShowConfig --env {environment.Name} prints every key)");
        bool secret = key.Split('.').Any(SecretKeys.LooksSecret);
        var text = new StringBuilder();
        if (entry.Value is ConfigMapping or ConfigSequence)
        {
            text.Append(key).Append(":  # ").Append(Origin(entry.KeyLocation)).Append('\n');
            WriteValue(text, entry.Value, 1, secret);
        }
        else
        {
            text.Append(key).Append(": ").Append(Inline(entry.Value, secret)).Append('\n');
        }

        text.Append("# override chain (newest first):\n");
        bool first = true;
        foreach (ConfigEntry link in entry.Chain())
        {
            text.Append("#   ").Append(first ? "set by     " : "overrode   ").Append(Origin(link.KeyLocation))
                .Append(" (").Append(LayerOf(link.KeyLocation.File)).Append("): ").Append(Inline(link.Value, secret)).Append('\n');
            first = false;
        }

        return text.ToString();
    }

    private static void WriteMapping(StringBuilder text, ConfigMapping mapping, int indent, bool secret)
    {
        foreach (ConfigEntry entry in mapping.Entries)
        {
            bool entrySecret = secret || SecretKeys.LooksSecret(entry.Key);
            text.Append(' ', indent * 2).Append(YamlScalarText.String(entry.Key)).Append(':');
            switch (entry.Value)
            {
                case ConfigMapping { Count: > 0 } or ConfigSequence { Items.Count: > 0 }:
                    text.Append("  # ").Append(Origin(entry.KeyLocation)).Append('\n');
                    WriteValue(text, entry.Value, indent + 1, entrySecret);
                    break;
                default:
                    text.Append(' ').Append(Inline(entry.Value, entrySecret)).Append("  # ").Append(Origin(entry.KeyLocation)).Append('\n');
                    break;
            }
        }
    }

    private static void WriteValue(StringBuilder text, ConfigNode value, int indent, bool secret)
    {
        if (value is ConfigMapping mapping)
        {
            WriteMapping(text, mapping, indent, secret);
            return;
        }

        foreach (ConfigNode item in ((ConfigSequence)value).Items)
        {
            text.Append(' ', indent * 2).Append('-');
            if (item is ConfigScalar)
            {
                text.Append(' ').Append(Inline(item, secret)).Append("  # ").Append(Origin(item.Location)).Append('\n');
            }
            else
            {
                text.Append("  # ").Append(Origin(item.Location)).Append('\n');
                WriteValue(text, item, indent + 1, secret);
            }
        }
    }

    private static string Inline(ConfigNode value, bool secret) => value switch
    {
        ConfigScalar scalar when secret && !scalar.IsNull && !SecretReference.ContainsReference(scalar.Value) => Mask,
        ConfigScalar scalar => YamlScalarText.AsRead(scalar.Value, scalar.Quoted, inFlow: false),
        ConfigMapping { Count: 0 } => "{}",
        ConfigSequence sequence when sequence.Items.All(item => item is ConfigScalar)
            => "[" + string.Join(", ", sequence.Items.Select(item => secret ? Mask : YamlScalarText.AsRead(((ConfigScalar)item).Value, ((ConfigScalar)item).Quoted, inFlow: true))) + "]",
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
            string path = prefix.Length == 0 ? entry.Key : $"{prefix}.{entry.Key}";
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
