using System.Globalization;
using System.Text;
using Slipway.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Slipway.Releases;

/// <summary>Reads and writes <c>holds/&lt;env&gt;.yaml</c>: the apps of an environment pinned by a rollback. Slipway rewrites it whole.</summary>
public static class HoldLog
{
    public static IReadOnlyList<Hold> Parse(string environment, string? text)
    {
        string source = GuardPaths.Holds(environment);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
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
            || !root.Children.TryGetValue(new YamlScalarNode("holds"), out YamlNode? list))
        {
            return [];
        }

        return list is YamlSequenceNode sequence
            ? sequence.Children.Select(item => ParseHold(item, source)).ToArray()
            : throw SlipwayException.Input($"{source}:{list.Start.Line}: 'holds' must be a list.");
    }

    public static string Serialize(string environment, IReadOnlyList<Hold> holds)
    {
        var text = new StringBuilder();
        text.Append($"# Holds of environment \"{environment}\", written by Slipway: a held app is pinned at its tag; Deploy* and SyncApps\n");
        text.Append($"# refuse to move it until: ./build.sh Resume --env {environment} --app APP --reason \"...\"\n");
        text.Append("environment: ").Append(YamlScalarText.String(environment)).Append('\n');
        text.Append(holds.Count == 0 ? "holds: []\n" : "holds:\n");
        foreach (Hold hold in holds.OrderBy(h => h.App, StringComparer.Ordinal))
        {
            text.Append("  - app: ").Append(YamlScalarText.String(hold.App)).Append('\n');
            Field(text, "tag", hold.Tag);
            Field(text, "reason", hold.Reason);
            Field(text, "who", hold.Who);
            Field(text, "since", hold.Since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            if (hold.Release is { Length: > 0 } release)
            {
                Field(text, "release", release);
            }
        }

        return text.ToString();
    }

    private static Hold ParseHold(YamlNode node, string source)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw SlipwayException.Input($"{source}:{node.Start.Line}: each hold must be a mapping.");
        }

        string? Optional(string key)
            => mapping.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? value) && value is YamlScalarNode { Value: { Length: > 0 } text } ? text : null;

        string Required(string key) => Optional(key) ?? throw SlipwayException.Input($"{source}:{mapping.Start.Line}: the hold has no '{key}'.");

        string since = Required("since");
        if (!DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset parsed))
        {
            throw SlipwayException.Input($"{source}:{mapping.Start.Line}: since '{since}' is not an ISO 8601 time.");
        }

        return new Hold
        {
            App = Required("app"),
            Tag = Required("tag"),
            Reason = Optional("reason") ?? "(no reason given)",
            Who = Optional("who") ?? "unknown",
            Since = parsed.ToUniversalTime(),
            Release = Optional("release"),
        };
    }

    private static void Field(StringBuilder text, string key, string value)
        => text.Append("    ").Append(key).Append(": ").Append(YamlScalarText.String(value)).Append('\n');
}
