using System.Globalization;
using System.Text.Json.Nodes;
using Slipway.GitOps;
using Slipway.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Slipway.GitOps.Manifests;

/// <summary>
/// Turns a manifest file (one or more YAML documents) into JSON objects for the Kubernetes API, resolving
/// plain scalars the way Kubernetes' YAML reader does (YAML 1.2 core: true/false, null/~, integers,
/// floats); quoted scalars stay strings.
/// </summary>
public static class ManifestDocuments
{
    /// <summary>The bootstrap objects of an environment (Flux GitRepository + Kustomization, or the Argo CD root Applications).</summary>
    public static IReadOnlyList<JsonObject> Bootstrap(GitOpsEnvironment environment)
        => Parse(ManifestRenderer.RenderBootstrap(environment, existing: null), GitOpsPaths.Bootstrap(environment.Path, environment.Engine));

    public static IReadOnlyList<JsonObject> Parse(string yaml, string sourceName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw SlipwayException.Input($"{sourceName}:{e.Start.Line}: not valid YAML ({e.Message}).");
        }

        return stream.Documents
            .Select(d => Convert(d.RootNode))
            .OfType<JsonObject>()
            .ToArray();
    }

    private static JsonNode? Convert(YamlNode node)
        => node switch
        {
            YamlMappingNode mapping => new JsonObject(mapping.Children.Select(e =>
                KeyValuePair.Create(((YamlScalarNode)e.Key).Value ?? string.Empty, Convert(e.Value)))),
            YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(Convert).ToArray()),
            YamlScalarNode scalar => Scalar(scalar),
            _ => null,
        };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        string value = scalar.Value ?? string.Empty;
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return JsonValue.Create(value);
        }

        return value switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number) => JsonValue.Create(number),
            _ when !YamlScalarText.IsSafePlainString(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double real) => JsonValue.Create(real),
            _ => JsonValue.Create(value),
        };
    }
}
