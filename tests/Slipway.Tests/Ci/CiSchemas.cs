using System.Globalization;
using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;
using Slipway.Tests.Support;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Slipway.Tests.Ci;

/// <summary>
/// The published JSON schemas of the CI files, committed under tests/Slipway.Tests/Ci/schemas (see README there),
/// and YAML read as JSON the way a YAML 1.2 loader reads it (plain true/false/numbers/null typed, quoted text a string).
/// </summary>
public static class CiSchemas
{
    private static readonly Lazy<Task<JsonSchema>> s_github = new(() => LoadAsync("github-workflow.json"));
    private static readonly Lazy<Task<JsonSchema>> s_gitlab = new(() => LoadAsync("gitlab-ci.json"));

    public static Task<JsonSchema> GitHubWorkflow => s_github.Value;

    public static Task<JsonSchema> GitLabCi => s_gitlab.Value;

    public static async Task<IReadOnlyList<string>> ValidateAsync(Task<JsonSchema> schema, string yaml)
    {
        ICollection<ValidationError> errors = (await schema).Validate(ToJson(yaml));
        return [.. errors.Select(e => e.ToString())];
    }

    public static string ToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode)?.ToJsonString() ?? "null";
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, Convert(c.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(Convert)]),
        YamlScalarNode { Style: ScalarStyle.Plain } scalar => Plain(scalar.Value ?? string.Empty),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new InvalidOperationException($"Unexpected YAML node {node.NodeType}."),
    };

    private static JsonNode? Plain(string value)
    {
        if (value is "" or "null" or "~")
        {
            return null;
        }

        if (value is "true" or "false")
        {
            return JsonValue.Create(value == "true");
        }

        return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number) ? JsonValue.Create(number) : JsonValue.Create(value);
    }

    private static async Task<JsonSchema> LoadAsync(string name)
        => await JsonSchema.FromJsonAsync(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "tests", "Slipway.Tests", "Ci", "schemas", name)));
}
