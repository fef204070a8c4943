using System.Text.Json;
using System.Text.RegularExpressions;
using Slipway.Environments;
using Slipway.Environments.Settings;
using Slipway.Infrastructure;

namespace Slipway.Delivery;

/// <summary>
/// The environment's <c>infrastructure</c> settings as Terraform inputs: variables (references resolved, a value holding
/// one marked secret; lists and maps as typed JSON), the backend (secret settings marked) and the workspace (a
/// <c>${env:…}</c> reference resolved, then checked as a workspace name) — each remembering the key that set it.
/// </summary>
internal static partial class InfrastructureMapping
{
    public static Dictionary<string, InfraVariable> Variables(InfrastructureSettings infrastructure, SecretResolver resolver)
    {
        var resolved = new Dictionary<string, InfraVariable>(StringComparer.Ordinal);
        foreach ((string name, object? value) in infrastructure.Variables)
        {
            string origin = Origin(infrastructure.VariableSources, name, $"infrastructure.variables.{name}");
            if (value is string text)
            {
                resolved[name] = SecretReference.ContainsReference(text) ? InfraVariable.Secret(resolver.Resolve(text, origin)) : new InfraVariable(text);
                continue;
            }

            var secrets = new List<string>();
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                WriteJson(writer, value, resolver, origin, secrets);
            }

            resolved[name] = InfraVariable.Json(System.Text.Encoding.UTF8.GetString(stream.ToArray()), secrets);
        }

        return resolved;
    }

    public static InfraBackend? Backend(BackendSettings? backend, SecretResolver resolver)
    {
        if (backend is null)
        {
            return null;
        }

        var config = new Dictionary<string, InfraVariable>(StringComparer.Ordinal);
        foreach ((string key, string value) in backend.Config)
        {
            config[key] = SecretReference.ContainsReference(value)
                ? InfraVariable.Secret(resolver.Resolve(value, Origin(backend.Sources, "config." + key, $"infrastructure.backend.config.{key}")))
                : new InfraVariable(value);
        }

        return new InfraBackend(backend.Type, config) { Sources = backend.Sources };
    }

    /// <summary>The workspace, a reference resolved (not masked: it is a name) and checked as terraform checks workspace names.</summary>
    public static string Workspace(InfrastructureSettings infrastructure, SecretResolver resolver)
    {
        string written = infrastructure.Workspace;
        if (!SecretReference.ContainsReference(written))
        {
            return written;
        }

        string where = infrastructure.WorkspaceSource is { } source ? $"infrastructure.workspace ({source})" : "infrastructure.workspace";
        string workspace = resolver.ResolveName(written, where);
        if (!WorkspaceName().IsMatch(workspace))
        {
            throw SlipwayException.Input(
                $"{where}: '{written}' resolved to '{workspace}', which is not a workspace name (letters, digits, '-', '_', '.', at most 90): set the variable to a slug such as review-feature-x (GitLab: ${{env:CI_COMMIT_REF_SLUG}})");
        }

        return workspace;
    }

    private static void WriteJson(Utf8JsonWriter writer, object? value, SecretResolver resolver, string origin, List<string> secrets)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text when SecretReference.ContainsReference(text):
                string secret = resolver.Resolve(text, origin);
                secrets.Add(secret);
                writer.WriteStringValue(secret);
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case double real:
                writer.WriteNumberValue(real);
                break;
            case IReadOnlyDictionary<string, object?> or IDictionary<string, object?>:
                writer.WriteStartObject();
                foreach ((string key, object? item) in (IEnumerable<KeyValuePair<string, object?>>)value)
                {
                    writer.WritePropertyName(key);
                    WriteJson(writer, item, resolver, origin, secrets);
                }

                writer.WriteEndObject();
                break;
            case System.Collections.IEnumerable items:
                writer.WriteStartArray();
                foreach (object? item in items)
                {
                    WriteJson(writer, item, resolver, origin, secrets);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }

    private static string Origin(IReadOnlyDictionary<string, string> sources, string key, string path)
        => sources.TryGetValue(key, out string? source) ? $"{path} ({source})" : path;

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,90}$")]
    private static partial Regex WorkspaceName();
}
