using System.Text.Json;
using System.Text.RegularExpressions;
using Slipway.IO;

namespace Slipway.Infrastructure;

/// <summary>
/// Writes the environment's non-secret variables to a generated <c>.tfvars.json</c> file (atomically): single values as
/// strings (terraform converts them to the declared type), lists and maps as JSON with their types.
/// Secret variables are left out: <see cref="TerraformCli"/> passes them as <c>TF_VAR_</c> environment variables.
/// </summary>
internal static partial class TfVarsFile
{
    public const string FileName = "infra.tfvars.json";

    public static async Task<string> WriteAsync(InfraOptions options, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            foreach ((string name, InfraVariable variable) in options.Variables.OrderBy(static v => v.Key, StringComparer.Ordinal))
            {
                if (!NamePattern().IsMatch(name))
                {
                    throw SlipwayException.Input($"infrastructure.variables.{name}: '{name}' is not a valid terraform variable name (letters, digits, '_' and '-', not starting with a digit).");
                }

                if (variable.IsSecret)
                {
                    continue;
                }

                if (variable.IsStructured)
                {
                    writer.WritePropertyName(name);
                    writer.WriteRawValue(variable.Value);
                }
                else
                {
                    writer.WriteString(name, variable.Value);
                }
            }

            writer.WriteEndObject();
        }

        string path = Path.Combine(options.EffectiveTempDirectory, FileName);
        await AtomicFile.WriteAllBytesAsync(path, stream.ToArray(), cancellationToken).ConfigureAwait(false);
        return path;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]*$")]
    private static partial Regex NamePattern();
}
