using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Slipway.LocalCluster.Controllers.Runtime;
using Slipway.LocalCluster.Store;
using Slipway.LocalCluster.Yaml;
using YamlDotNet.Core;

namespace Slipway.LocalCluster.Controllers.Flux;

/// <summary>
/// A HelmRelease's values as helm-controller composes them (fluxcd/pkg <c>chartutil.ChartValuesFromReferences</c>): each
/// <c>spec.valuesFrom</c> entry (<c>kind</c> ConfigMap or Secret in the release's namespace, <c>valuesKey</c> default
/// <c>values.yaml</c>) merged in list order, then <c>spec.values</c> over them. An entry with <c>targetPath</c> sets that
/// dotted path to the key's single value (quoted: as a string; else typed as <c>--set</c> types it). A missing object or key
/// fails with helm-controller's message (<c>could not resolve Secret chart values reference 'ns/name' with key
/// 'values.yaml': resource not found</c>), unless <c>optional: true</c>.
/// </summary>
internal static class HelmReleaseValues
{
    public const string DefaultKey = "values.yaml";

    /// <summary>The composed values, or the error that stops the release (the message of helm-controller's Ready=False <c>ValuesError</c>).</summary>
    public static (JsonObject Values, string? Error) Compose(IResourceStore store, JsonObject helmRelease)
    {
        string ns = helmRelease.Str("metadata", "namespace") ?? "default";
        JsonObject inline = helmRelease.Obj("spec", "values")?.DeepClone().AsObject() ?? [];
        var result = new JsonObject();
        foreach (JsonObject reference in (helmRelease.Arr("spec", "valuesFrom") ?? []).OfType<JsonObject>())
        {
            string kind = reference.Str("kind") ?? string.Empty;
            string name = reference.Str("name") ?? string.Empty;
            string key = reference.Str("valuesKey") is { Length: > 0 } k ? k : DefaultKey;
            bool optional = reference.Bool("optional");
            string describe = $"could not resolve{(optional ? " optional" : string.Empty)} {kind} chart values reference '{ns}/{name}' with key '{key}'";
            ResourceType? type = kind switch
            {
                "Secret" => KnownResourceTypes.Secret,
                "ConfigMap" => KnownResourceTypes.ConfigMap,
                _ => null,
            };
            if (type is null)
            {
                return (result, $"{describe}: unsupported values reference kind");
            }

            JsonObject? source = store.Get(type, ns, name);
            string? data = source is null ? null : Read(source, kind, key);
            if (data is null)
            {
                if (optional)
                {
                    continue;
                }

                return (result, $"{describe}: {(source is null ? "resource not found" : "key not found")}");
            }

            if (reference.Str("targetPath") is { Length: > 0 } targetPath)
            {
                Json.MergeInto(result, inline);
                SetPath(result, targetPath, data, reference.Bool("literal"));
                continue;
            }

            try
            {
                if (YamlJson.ParseAll(data).FirstOrDefault().Node is JsonObject values)
                {
                    Json.MergeInto(result, values);
                }
            }
            catch (YamlException e)
            {
                return (result, $"{describe}: failed to read values data: {e.Message}");
            }
        }

        Json.MergeInto(result, inline);
        return (result, null);
    }

    /// <summary>The Secret or ConfigMap keys a HelmRelease reads (for reconciling it when one changes).</summary>
    public static bool References(JsonObject helmRelease, string kind, string name)
        => (helmRelease.Arr("spec", "valuesFrom") ?? []).OfType<JsonObject>().Any(r => r.Str("kind") == kind && r.Str("name") == name);

    private static string? Read(JsonObject source, string kind, string key)
    {
        if (kind == "ConfigMap")
        {
            return source.Str("data", key);
        }

        if (source.Str("data", key) is { } encoded)
        {
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            }
            catch (FormatException)
            {
                return null;
            }
        }

        return source.Str("stringData", key);
    }

    private static void SetPath(JsonObject values, string path, string value, bool literal)
    {
        string[] keys = path.Split('.');
        JsonObject current = values;
        foreach (string key in keys[..^1])
        {
            if (current[key] is not JsonObject child)
            {
                child = [];
                current[key] = child;
            }

            current = child;
        }

        bool quoted = value.Length >= 2 && ((value[0] == '"' && value[^1] == '"') || (value[0] == '\'' && value[^1] == '\''));
        current[keys[^1]] = literal || quoted ? JsonValue.Create(quoted && !literal ? value[1..^1] : value) : Typed(value);
    }

    // Helm's strvals typing of a --set value: integers, true/false, null; everything else a string.
    private static JsonNode? Typed(string value) => value switch
    {
        "true" => JsonValue.Create(true),
        "false" => JsonValue.Create(false),
        "null" => null,
        _ when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number) => JsonValue.Create(number),
        _ => JsonValue.Create(value),
    };
}
