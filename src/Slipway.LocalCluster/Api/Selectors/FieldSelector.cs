using System.Text.Json.Nodes;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Api.Selectors;

/// <summary>
/// A field selector (<c>?fieldSelector=metadata.name=web,status.phase!=Running</c>) over the fields the API server supports
/// for the kinds served here; another field is 400 BadRequest ("field label not supported"), as on the real server.
/// </summary>
internal sealed class FieldSelector
{
    private static readonly HashSet<string> s_supported =
    [
        "metadata.name", "metadata.namespace", "status.phase", "spec.nodeName", "type", "reason",
        "involvedObject.kind", "involvedObject.name", "involvedObject.namespace", "involvedObject.uid",
    ];

    private readonly List<(string[] Path, string Value, bool Equal)> _requirements;

    private FieldSelector(List<(string[] Path, string Value, bool Equal)> requirements)
    {
        _requirements = requirements;
    }

    public static FieldSelector Everything { get; } = new([]);

    public bool IsEverything => _requirements.Count == 0;

    public static FieldSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var requirements = new List<(string[] Path, string Value, bool Equal)>();
        foreach (string raw in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            int notEquals = raw.IndexOf("!=", StringComparison.Ordinal);
            int equals = raw.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 && notEquals <= 0)
            {
                throw new StoreException(400, "BadRequest", $"invalid selector: '{text}'; can't understand '{raw}'");
            }

            bool isEqual = notEquals <= 0;
            string field = (isEqual ? raw[..equals] : raw[..notEquals]).Trim();
            string value = (isEqual ? raw[(equals + 1)..].TrimStart('=') : raw[(notEquals + 2)..]).Trim();
            if (!s_supported.Contains(field))
            {
                throw new StoreException(400, "BadRequest", $"field label not supported: {field}");
            }

            requirements.Add((field.Split('.'), value, isEqual));
        }

        return new FieldSelector(requirements);
    }

    public bool Matches(JsonObject obj)
    {
        foreach ((string[] path, string expected, bool equal) in _requirements)
        {
            if ((Read(obj, path) == expected) != equal)
            {
                return false;
            }
        }

        return true;
    }

    private static string Read(JsonObject obj, string[] path)
    {
        JsonNode? current = obj;
        foreach (string segment in path)
        {
            current = current is JsonObject o ? o[segment] : null;
        }

        return current is JsonValue value && value.TryGetValue(out string? text) ? text : "";
    }
}
