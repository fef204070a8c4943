using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Slipway.LocalCluster.Controllers.Manifests;

/// <summary>Reads multi-document YAML into JSON objects with YAML 1.2 core-schema scalars (plain <c>3</c> is a number, <c>"3"</c> a string).</summary>
internal static partial class YamlDocuments
{
    /// <summary>The documents of <paramref name="text"/>; empty documents are left out.</summary>
    /// <exception cref="ManifestException">The YAML does not parse; the message names the file and line.</exception>
    public static IReadOnlyList<JsonObject> Parse(string text, string fileName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException bad)
        {
            throw new ManifestException($"{fileName}:{bad.Start.Line}: invalid YAML: {bad.Message}");
        }

        var documents = new List<JsonObject>();
        foreach (YamlDocument document in stream.Documents)
        {
            JsonNode? node = Convert(document.RootNode);
            if (node is JsonObject obj)
            {
                documents.Add(obj);
            }
            else if (node is not null)
            {
                throw new ManifestException($"{fileName}:{document.RootNode.Start.Line}: a manifest must be a mapping");
            }
        }

        return documents;
    }

    public static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => ConvertMapping(mapping),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => ConvertScalar(scalar),
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

    private static JsonNode? ConvertScalar(YamlScalarNode scalar)
    {
        string text = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain || (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value == "tag:yaml.org,2002:str"))
        {
            return JsonValue.Create(text);
        }

        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return JsonValue.Create(text.Equals("true", StringComparison.OrdinalIgnoreCase));
        }

        if (Integer().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number))
        {
            return JsonValue.Create(number);
        }

        if (Real().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double real))
        {
            return JsonValue.Create(real);
        }

        return JsonValue.Create(text);
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Real();
}
