using System.Text.Json.Nodes;
using Slipway.LocalCluster.Yaml;
using YamlDotNet.Core;

namespace Slipway.LocalCluster.Controllers.Manifests;

/// <summary>Reads multi-document manifest YAML into JSON objects, typed as the API server types a YAML request (<see cref="YamlJson"/>).</summary>
internal static class YamlDocuments
{
    /// <summary>The documents of <paramref name="text"/>; empty documents are left out.</summary>
    /// <exception cref="ManifestException">The YAML does not parse; the message names the file and line.</exception>
    public static IReadOnlyList<JsonObject> Parse(string text, string fileName)
    {
        IReadOnlyList<(JsonNode? Node, long Line)> parsed;
        try
        {
            parsed = YamlJson.ParseAll(text);
        }
        catch (YamlException bad)
        {
            throw new ManifestException($"{fileName}:{bad.Start.Line}: invalid YAML: {bad.Message}");
        }

        var documents = new List<JsonObject>();
        foreach ((JsonNode? node, long line) in parsed)
        {
            if (node is JsonObject obj)
            {
                documents.Add(obj);
            }
            else if (node is not null)
            {
                throw new ManifestException($"{fileName}:{line}: a manifest must be a mapping");
            }
        }

        return documents;
    }
}
