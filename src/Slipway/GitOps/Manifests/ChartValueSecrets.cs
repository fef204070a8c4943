using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.GitOps.Yaml;

namespace Slipway.GitOps.Manifests;

/// <summary>
/// Chart values that hold a secret reference (<c>${env:…}</c>, <c>${file:…}</c>) never reach Git: they are split off the
/// values written inline and go, resolved, into the Kubernetes Secret <see cref="SecretName"/> (key <see cref="ValuesKey"/>)
/// that the HelmRelease reads with <c>spec.valuesFrom</c>. A list with a reference anywhere in it goes whole (Helm replaces
/// lists, it does not merge them).
/// </summary>
public static class ChartValueSecrets
{
    /// <summary>The key of the values in the Secret (helm-controller's default <c>valuesKey</c>).</summary>
    public const string ValuesKey = "values.yaml";

    /// <summary>The Secret (in the release's namespace) that holds a platform release's secret values.</summary>
    public static string SecretName(string release) => $"{release}-slipway-values";

    /// <summary>
    /// The values without the entries whose strings hold a reference (<paramref name="isReference"/>; null when none is
    /// left), those entries as written (references unresolved; null when there are none), and their paths below <c>values</c>.
    /// </summary>
    public static (JsonObject? Plain, JsonObject? References, IReadOnlyList<YamlPath> Paths) Split(JsonObject values, Func<string, bool> isReference)
    {
        var paths = new List<YamlPath>();
        JsonObject plain = values.DeepClone().AsObject();
        var references = new JsonObject();
        Move(plain, references, YamlPath.Of(), (paths, isReference));
        return (plain.Count == 0 ? null : plain, references.Count == 0 ? null : references, paths);
    }

    /// <summary>A copy of <paramref name="references"/> with every string replaced by <paramref name="resolve"/>(text, dotted key).</summary>
    public static JsonObject Resolve(JsonObject references, Func<string, string, string> resolve)
        => (JsonObject)ResolveNode(references, string.Empty, resolve)!;

    private static void Move(JsonObject from, JsonObject to, YamlPath prefix, (List<YamlPath> Found, Func<string, bool> IsReference) paths)
    {
        foreach (string key in from.Select(static e => e.Key).ToList())
        {
            JsonNode? value = from[key];
            YamlPath path = prefix.Append(key);
            if (value is JsonObject child)
            {
                var moved = new JsonObject();
                Move(child, moved, path, paths);
                if (moved.Count > 0)
                {
                    to[key] = moved;
                    if (child.Count == 0)
                    {
                        from.Remove(key);
                    }
                }
            }
            else if (HoldsReference(value, paths.IsReference))
            {
                from.Remove(key);
                to[key] = value;
                paths.Found.Add(path);
            }
        }
    }

    private static bool HoldsReference(JsonNode? node, Func<string, bool> isReference) => node switch
    {
        JsonArray array => array.Any(item => HoldsReference(item, isReference)),
        JsonObject mapping => mapping.Any(e => HoldsReference(e.Value, isReference)),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => isReference(value.GetValue<string>()),
        _ => false,
    };

    private static JsonNode? ResolveNode(JsonNode? node, string path, Func<string, string, string> resolve) => node switch
    {
        JsonObject mapping => new JsonObject(mapping.Select(e => KeyValuePair.Create(e.Key, ResolveNode(e.Value, path.Length == 0 ? e.Key : $"{path}.{e.Key}", resolve)))),
        JsonArray array => new JsonArray(array.Select((item, i) => ResolveNode(item, $"{path}[{i}]", resolve)).ToArray()),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => JsonValue.Create(resolve(value.GetValue<string>(), path)),
        _ => node?.DeepClone(),
    };
}
