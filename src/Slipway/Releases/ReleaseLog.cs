using System.Globalization;
using System.Text;
using Slipway.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Slipway.Releases;

/// <summary>
/// Reads and writes <c>releases/&lt;env&gt;.yaml</c>: a YAML list of releases, newest first. Slipway owns this
/// file and rewrites it whole (hand comments in it are not kept, unlike the manifests).
/// </summary>
public static class ReleaseLog
{
    public static ReleaseHistory Parse(string environment, string? text)
    {
        string source = Slipway.GitOps.GitOpsPaths.ReleaseLog(environment);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new ReleaseHistory(environment, []);
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

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("releases"), out YamlNode? list))
        {
            return new ReleaseHistory(environment, []);
        }

        if (list is not YamlSequenceNode sequence)
        {
            throw SlipwayException.Input($"{source}:{list.Start.Line}: 'releases' must be a list.");
        }

        return new ReleaseHistory(environment, sequence.Children.Select(item => ParseRecord(item, source)).ToArray());
    }

    public static string Serialize(ReleaseHistory history)
    {
        var text = new StringBuilder();
        text.Append($"# Release log of environment \"{history.Environment}\", written by Slipway; newest first.\n");
        text.Append("# Each release lists the app images and chart versions it ran, the commits, who, when, and whether Verify passed.\n");
        text.Append("environment: ").Append(YamlScalarText.String(history.Environment)).Append('\n');
        text.Append(history.Releases.Count == 0 ? "releases: []\n" : "releases:\n");
        foreach (ReleaseRecord record in history.Releases)
        {
            text.Append("  - id: ").Append(YamlScalarText.String(record.Id)).Append('\n');
            Field(text, "time", record.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            Field(text, "who", record.Who);
            Field(text, "sourceCommit", record.SourceCommit);
            Field(text, "gitopsCommit", record.GitOpsCommit);
            Field(text, "runId", record.RunId);
            text.Append("    verified: ").Append(record.Verified ? "true" : "false").Append('\n');
            if (record.Kind != ReleaseKind.Deploy)
            {
                Field(text, "kind", record.Kind.ToString().ToLowerInvariant());
            }

            Optional(text, "restores", record.Restores);
            Optional(text, "reason", record.Reason);
            Optional(text, "override", record.Override);
            Optional(text, "infra", record.Infra);
            Map(text, "apps", record.Apps);
            Map(text, "charts", record.Charts);
        }

        return text.ToString();
    }

    private static ReleaseRecord ParseRecord(YamlNode node, string source)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw SlipwayException.Input($"{source}:{node.Start.Line}: each release must be a mapping.");
        }

        string Required(string key)
            => mapping.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? value) && value is YamlScalarNode { Value: { Length: > 0 } text }
                ? text
                : throw SlipwayException.Input($"{source}:{mapping.Start.Line}: the release has no '{key}'.");

        string time = Required("time");
        if (!DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset parsed))
        {
            throw SlipwayException.Input($"{source}:{mapping.Start.Line}: time '{time}' is not an ISO 8601 time.");
        }

        return new ReleaseRecord
        {
            Id = Required("id"),
            Time = parsed.ToUniversalTime(),
            Who = Required("who"),
            SourceCommit = Required("sourceCommit"),
            GitOpsCommit = Required("gitopsCommit"),
            RunId = Required("runId"),
            Verified = Required("verified") == "true",
            Apps = ReadMap(mapping, "apps", source),
            Charts = ReadMap(mapping, "charts", source),
            Kind = Optional("kind") switch
            {
                null or "deploy" => ReleaseKind.Deploy,
                "rollback" => ReleaseKind.Rollback,
                "resume" => ReleaseKind.Resume,
                string other => throw SlipwayException.Input($"{source}:{mapping.Start.Line}: kind '{other}' is not one of deploy, rollback, resume."),
            },
            Restores = Optional("restores"),
            Reason = Optional("reason"),
            Override = Optional("override"),
            Infra = Optional("infra"),
        };

        string? Optional(string key)
            => mapping.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? value) && value is YamlScalarNode { Value: { Length: > 0 } text } ? text : null;
    }

    private static IReadOnlyDictionary<string, string> ReadMap(YamlMappingNode record, string key, string source)
    {
        if (!record.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? node) || node is YamlScalarNode)
        {
            return new SortedDictionary<string, string>(StringComparer.Ordinal);
        }

        if (node is not YamlMappingNode mapping)
        {
            throw SlipwayException.Input($"{source}:{node.Start.Line}: '{key}' must be a mapping of name to version.");
        }

        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (KeyValuePair<YamlNode, YamlNode> entry in mapping.Children)
        {
            result[((YamlScalarNode)entry.Key).Value ?? string.Empty] = (entry.Value as YamlScalarNode)?.Value ?? string.Empty;
        }

        return result;
    }

    private static void Field(StringBuilder text, string key, string value)
        => text.Append("    ").Append(key).Append(": ").Append(YamlScalarText.String(value)).Append('\n');

    private static void Optional(StringBuilder text, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Field(text, key, value);
        }
    }

    private static void Map(StringBuilder text, string key, IReadOnlyDictionary<string, string> values)
    {
        text.Append("    ").Append(key).Append(values.Count == 0 ? ": {}\n" : ":\n");
        foreach (KeyValuePair<string, string> entry in values.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.Append("      ").Append(YamlScalarText.String(entry.Key)).Append(": ").Append(YamlScalarText.String(entry.Value)).Append('\n');
        }
    }
}
