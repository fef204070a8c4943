using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Slipway.GitOps;

namespace Slipway.Environments.Schema;

/// <summary>
/// Renders <see cref="EnvironmentSchema"/> as JSON Schema (draft-07) for <c>environments/schema.json</c>, which env
/// files reference with <c># yaml-language-server: $schema=../schema.json</c>. Every value may also be null (null
/// removes an inherited key); required keys are not marked, since a layer may leave them to its parents.
/// </summary>
public static class JsonSchemaWriter
{
    public const string FileName = "schema.json";

    public static string Render()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", "http://json-schema.org/draft-07/schema#");
            writer.WriteString("title", "Slipway environment (environments/<name>/env.yaml)");
            WriteBody(writer, EnvironmentSchema.Root);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>Writes the schema file under <c>environments/</c> of the repository (atomically).</summary>
    public static Task WriteAsync(string repositoryRoot, CancellationToken cancellationToken)
        => IO.AtomicFile.WriteAllTextAsync(Path.Combine(repositoryRoot, EnvironmentCatalog.EnvironmentsFolder, FileName), Render(), cancellationToken);

    private static void Write(Utf8JsonWriter writer, SchemaNode schema)
    {
        writer.WriteStartObject();
        WriteBody(writer, schema);
        writer.WriteEndObject();
    }

    private static void WriteBody(Utf8JsonWriter writer, SchemaNode schema)
    {
        writer.WriteString("description", schema.Description);
        switch (schema)
        {
            case ObjectSchema objectSchema:
                WriteTypes(writer, "object");
                writer.WriteStartObject("properties");
                foreach (string name in objectSchema.Order)
                {
                    writer.WritePropertyName(name);
                    Write(writer, objectSchema.Properties[name].Schema);
                }

                writer.WriteEndObject();
                writer.WriteBoolean("additionalProperties", false);
                break;
            case MapSchema mapSchema:
                WriteTypes(writer, "object");
                writer.WritePropertyName("additionalProperties");
                Write(writer, mapSchema.Values);
                break;
            case ListSchema listSchema:
                WriteTypes(writer, "array");
                writer.WritePropertyName("items");
                Write(writer, listSchema.Items);
                break;
            case ScalarSchema scalar:
                WriteScalar(writer, scalar);
                break;
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, ScalarSchema scalar)
    {
        if (scalar.Allowed is not null)
        {
            writer.WriteStartArray("enum");
            foreach (string value in scalar.Allowed)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteNullValue();
            writer.WriteEndArray();
            return;
        }

        switch (scalar.Kind)
        {
            case ScalarKind.Boolean:
                WriteTypes(writer, "boolean");
                break;
            case ScalarKind.Integer:
                WriteTypes(writer, "integer");
                if (scalar.Minimum is { } minimum)
                {
                    writer.WriteNumber("minimum", minimum);
                }

                break;
            case ScalarKind.Duration or ScalarKind.PositiveDuration:
                WriteTypes(writer, "string");
                writer.WriteString("pattern", Duration.Pattern);
                break;
            case ScalarKind.ImageTag:
                WriteTypes(writer, "string", "number"); // an unquoted 42 is a tag too
                writer.WriteString("pattern", ImageTag.Pattern);
                break;
            case ScalarKind.BranchName:
                WriteTypes(writer, "string", "number");
                writer.WriteString("pattern", GitBranchName.Pattern);
                break;
            case ScalarKind.Url:
                WriteTypes(writer, "string");
                writer.WriteString("pattern", "^https?://");
                break;
            case ScalarKind.Pattern:
                WriteTypes(writer, "string");
                writer.WriteString("pattern", scalar.Pattern!.ToString());
                break;
            case ScalarKind.RelativePath:
                WriteTypes(writer, "string");
                break;
            default:
                WriteTypes(writer, "string", "number", "boolean");
                break;
        }
    }

    private static void WriteTypes(Utf8JsonWriter writer, params string[] types)
    {
        writer.WriteStartArray("type");
        foreach (string type in types)
        {
            writer.WriteStringValue(type);
        }

        writer.WriteStringValue("null");
        writer.WriteEndArray();
    }
}
