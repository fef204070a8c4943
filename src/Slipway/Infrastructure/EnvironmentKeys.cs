using System.Globalization;
using System.Text.RegularExpressions;

namespace Slipway.Infrastructure;

/// <summary>
/// Points terraform's errors about values Slipway passed at the environment keys that set them: an input variable's
/// error (<c>var.region</c>, a tfvars line, a <c>TF_VAR_</c> value) at <c>infrastructure.variables.&lt;name&gt;</c>; the
/// generated backend file or a <c>-backend-config</c> argument at <c>infrastructure.backend.type</c> / <c>.config.&lt;key&gt;</c>.
/// terraform's own summary and detail are kept.
/// </summary>
internal static partial class EnvironmentKeys
{
    public static TerraformDiagnostic Map(InfraOptions options, TerraformDiagnostic error)
    {
        if (options.Backend is { } backend)
        {
            if (error.File is { } file && file.EndsWith(StackBackend.OverrideFile, StringComparison.Ordinal) && backend.Sources.TryGetValue("type", out string? typeSource))
            {
                return At(error, typeSource, "infrastructure.backend.type");
            }

            if (BackendArgument().Match(error.Detail) is { Success: true } argument
                && backend.Sources.TryGetValue("config." + argument.Groups[1].Value, out string? configSource))
            {
                return At(error, configSource, $"infrastructure.backend.config.{argument.Groups[1].Value}");
            }
        }

        if (error.Summary.Contains("variable", StringComparison.OrdinalIgnoreCase)
            && VariableName().Match(error.Summary + "\n" + error.Detail) is { Success: true } variable
            && options.VariableSources.TryGetValue(variable.Groups[1].Success ? variable.Groups[1].Value : variable.Groups[2].Value, out string? source))
        {
            string name = variable.Groups[1].Success ? variable.Groups[1].Value : variable.Groups[2].Value;
            return At(error, source, $"infrastructure.variables.{name}");
        }

        return error;
    }

    /// <summary>The error placed at <paramref name="source"/> (<c>file:line</c>), its summary naming <paramref name="key"/>.</summary>
    private static TerraformDiagnostic At(TerraformDiagnostic error, string source, string key)
    {
        int colon = source.LastIndexOf(':');
        int line = 0;
        bool hasLine = colon > 0 && int.TryParse(source.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out line);
        return error with
        {
            File = hasLine ? source[..colon] : source,
            Line = hasLine ? line : null,
            Summary = $"{key}: {error.Summary}",
        };
    }

    [GeneratedRegex(@"argument ""([A-Za-z0-9_-]+)""")]
    private static partial Regex BackendArgument();

    [GeneratedRegex(@"var\.([A-Za-z_][A-Za-z0-9_-]*)|variable ""([A-Za-z_][A-Za-z0-9_-]*)""")]
    private static partial Regex VariableName();
}
