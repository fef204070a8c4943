using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Slipway.LocalCluster.Yaml;

/// <summary>
/// The one YAML → JSON conversion of the local cluster, used by the API server (a YAML request body, as
/// <c>kubectl apply</c> sends) and by the Flux and Argo CD controllers (manifests from Git), so both read the same
/// manifest as the same JSON. Scalars are typed by <see cref="YamlScalarTypes"/>.
/// </summary>
internal static class YamlJson
{
    /// <summary>Every document of <paramref name="text"/> (an empty document is null), with the line each starts on.</summary>
    /// <exception cref="YamlException">The text is not valid YAML.</exception>
    public static IReadOnlyList<(JsonNode? Node, long Line)> ParseAll(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return [.. stream.Documents.Select(document => (Convert(document.RootNode), document.RootNode.Start.Line))];
    }

    public static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => ConvertMapping(mapping),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Convert)]),
        YamlScalarNode scalar => YamlScalarTypes.ToJson(scalar),
        _ => null,
    };

    private static JsonObject ConvertMapping(YamlMappingNode mapping)
    {
        var obj = new JsonObject();
        foreach ((YamlNode key, YamlNode value) in mapping.Children)
        {
            obj[((YamlScalarNode)key).Value ?? string.Empty] = Convert(value);
        }

        return obj;
    }
}
