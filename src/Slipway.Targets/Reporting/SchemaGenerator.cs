using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.Targets.Execution;
using Slipway.Targets.Parameters;

namespace Slipway.Targets.Reporting;

/// <summary>
/// <c>.nuke/build.schema.json</c>: a JSON Schema of the parameters and target names, so editors complete
/// <c>.nuke/parameters.json</c>. Rewritten only when its content changes.
/// </summary>
internal static class SchemaGenerator
{
    public static string Generate(BuildModel model)
    {
        IReadOnlyList<ExecutableTarget> targets = model.Targets;
        JsonArray TargetNames() => new(targets.Select(static t => (JsonNode)JsonValue.Create(t.Name)!).ToArray());
        var properties = new JsonObject
        {
            ["$schema"] = new JsonObject { ["type"] = "string" },
            ["Target"] = new JsonObject { ["type"] = "array", ["description"] = "Targets to run", ["items"] = new JsonObject { ["type"] = "string", ["enum"] = TargetNames() } },
            ["Skip"] = new JsonObject { ["type"] = "array", ["description"] = "Targets to skip", ["items"] = new JsonObject { ["type"] = "string", ["enum"] = TargetNames() } },
            ["Verbose"] = new JsonObject { ["type"] = "boolean", ["description"] = "Show stack traces and debug output" },
        };
        foreach (ParameterDescriptor parameter in model.Parameters)
        {
            JsonObject schema = TypeSchema(parameter.Type, model.Types);
            if (parameter.Description is not null)
            {
                schema["description"] = parameter.Description;
            }

            if (parameter.HasRange)
            {
                schema["minimum"] = parameter.Minimum;
                schema["maximum"] = parameter.Maximum;
            }

            if (parameter.IsSecret)
            {
                schema["default"] = $"Secrets must be given through the environment variable {parameter.EnvironmentVariableName}, not this file";
            }

            properties[parameter.MemberName] = schema;
        }

        var root = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["title"] = "Build Schema",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = properties,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>Writes the schema when missing or different; returns whether it wrote.</summary>
    public static bool WriteIfChanged(string path, string content)
    {
        if (File.Exists(path) && string.Equals(File.ReadAllText(path), content, StringComparison.Ordinal))
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string temp = path + $".{Environment.ProcessId}.tmp";
        File.WriteAllText(temp, content);
        File.Move(temp, path, overwrite: true);
        return true;
    }

    private static JsonObject TypeSchema(Type type, ParameterTypeRegistry types)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (types.Find(type) is { } registered)
        {
            return registered.Pattern is null ? new JsonObject { ["type"] = "string" } : new JsonObject { ["type"] = "string", ["pattern"] = registered.Pattern };
        }

        if (type.IsArray)
        {
            return new JsonObject { ["type"] = "array", ["items"] = TypeSchema(type.GetElementType()!, types) };
        }

        if (type.IsEnum)
        {
            return new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(Enum.GetNames(type).Select(static n => (JsonNode)JsonValue.Create(n)!).ToArray()) };
        }

        return type switch
        {
            _ when type == typeof(bool) => new JsonObject { ["type"] = "boolean" },
            _ when type == typeof(int) => new JsonObject { ["type"] = "integer" },
            _ => new JsonObject { ["type"] = "string" },
        };
    }
}
