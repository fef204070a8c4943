using System.Globalization;
using System.Text;
using Slipway.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Slipway.Releases;

/// <summary>
/// Reads and writes <c>stops/&lt;scope&gt;.yaml</c>. Slipway rewrites it whole: a standing stop (<c>stopped: true</c>, what
/// was suspended and scaled down), or, after Resume, <c>stopped: false</c> with who lifted it and why (Git keeps the rest).
/// </summary>
public static class StopLog
{
    /// <summary>The stop that stands, or null (no file, or a stop that was lifted).</summary>
    public static Stop? Parse(string scope, string? text)
    {
        string source = GuardPaths.Stop(scope);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw SlipwayException.Input($"{source}:{e.Start.Line}: not valid YAML ({e.Message}); fix it from the GitOps repository's history.");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return null;
        }

        var reader = new MappingReader(root, source);
        if (reader.Optional("stopped") is not "true")
        {
            return null;
        }

        return new Stop
        {
            Scope = scope,
            Reason = reader.Optional("reason") ?? "(no reason given)",
            Who = reader.Optional("who") ?? "unknown",
            Since = reader.Time("since"),
            Suspended = reader.List("suspended").Select(static m => new SuspendedObject
            {
                Environment = m.Required("environment"),
                Kind = m.Required("kind"),
                Namespace = m.Required("namespace"),
                Name = m.Required("name"),
                WasSuspended = m.Optional("wasSuspended") == "true",
                Automated = m.Optional("automated"),
            }).ToArray(),
            ScaledDown = reader.List("scaledDown").Select(static m => new ScaledDeployment
            {
                Environment = m.Required("environment"),
                App = m.Required("app"),
                Namespace = m.Required("namespace"),
                Deployment = m.Required("deployment"),
                Replicas = m.Int("replicas"),
            }).ToArray(),
        };
    }

    public static string Serialize(Stop stop)
    {
        var text = new StringBuilder();
        text.Append($"# Emergency stop of {(stop.IsGlobal ? "every environment" : $"environment \"{stop.Scope}\"")}, written by Slipway: while it stands, Deploy*,\n");
        text.Append($"# SyncApps and Rollback refuse (exit 3). Lift it (undoing exactly what is listed here): {stop.ResumeCommand}\n");
        text.Append("scope: ").Append(YamlScalarText.String(stop.Scope)).Append('\n');
        text.Append("stopped: true\n");
        Field(text, 0, "reason", stop.Reason);
        Field(text, 0, "who", stop.Who);
        Field(text, 0, "since", Iso(stop.Since));
        text.Append(stop.Suspended.Count == 0 ? "suspended: []\n" : "suspended:\n");
        foreach (SuspendedObject item in stop.Suspended)
        {
            text.Append("  - environment: ").Append(YamlScalarText.String(item.Environment)).Append('\n');
            Field(text, 4, "kind", item.Kind);
            Field(text, 4, "namespace", item.Namespace);
            Field(text, 4, "name", item.Name);
            text.Append("    wasSuspended: ").Append(item.WasSuspended ? "true" : "false").Append('\n');
            if (item.Automated is { } automated)
            {
                text.Append("    automated: ").Append(YamlScalarText.SingleQuoted(automated)).Append('\n');
            }
        }

        text.Append(stop.ScaledDown.Count == 0 ? "scaledDown: []\n" : "scaledDown:\n");
        foreach (ScaledDeployment item in stop.ScaledDown)
        {
            text.Append("  - environment: ").Append(YamlScalarText.String(item.Environment)).Append('\n');
            Field(text, 4, "app", item.App);
            Field(text, 4, "namespace", item.Namespace);
            Field(text, 4, "deployment", item.Deployment);
            text.Append("    replicas: ").Append(item.Replicas.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The file after Resume: no stop stands; who lifted the last one, when and why.</summary>
    public static string SerializeLifted(string scope, string who, DateTimeOffset when, string reason)
    {
        var text = new StringBuilder();
        text.Append($"# Emergency stop of {(scope == GuardPaths.AllEnvironments ? "every environment" : $"environment \"{scope}\"")}, written by Slipway: none stands.\n");
        text.Append("# The last stop and what it suspended are in this file's history (git log -p).\n");
        text.Append("scope: ").Append(YamlScalarText.String(scope)).Append('\n');
        text.Append("stopped: false\n");
        Field(text, 0, "resumedBy", who);
        Field(text, 0, "resumedAt", Iso(when));
        Field(text, 0, "resumeReason", reason);
        return text.ToString();
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void Field(StringBuilder text, int indent, string key, string value)
        => text.Append(' ', indent).Append(key).Append(": ").Append(YamlScalarText.String(value)).Append('\n');

    /// <summary>Reads the scalars of one mapping, with errors naming the file and line.</summary>
    private sealed class MappingReader(YamlMappingNode mapping, string source)
    {
        public string? Optional(string key)
            => mapping.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? value) && value is YamlScalarNode { Value: { Length: > 0 } text } ? text : null;

        public string Required(string key) => Optional(key) ?? throw SlipwayException.Input($"{source}:{mapping.Start.Line}: the entry has no '{key}'.");

        public int Int(string key)
        {
            string text = Required(key);
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
                ? value
                : throw SlipwayException.Input($"{source}:{mapping.Start.Line}: {key} '{text}' is not a whole number.");
        }

        public DateTimeOffset Time(string key)
        {
            string text = Required(key);
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset parsed)
                ? parsed.ToUniversalTime()
                : throw SlipwayException.Input($"{source}:{mapping.Start.Line}: {key} '{text}' is not an ISO 8601 time.");
        }

        public IEnumerable<MappingReader> List(string key)
        {
            if (!mapping.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? node))
            {
                return [];
            }

            return node is YamlSequenceNode sequence
                ? sequence.Children.Select(item => item is YamlMappingNode entry
                    ? new MappingReader(entry, source)
                    : throw SlipwayException.Input($"{source}:{item.Start.Line}: each entry of '{key}' must be a mapping."))
                : throw SlipwayException.Input($"{source}:{node.Start.Line}: '{key}' must be a list.");
        }
    }
}
