using System.Globalization;
using Slipway.Environments.Schema;
using Slipway.Environments.Yaml;
using Slipway.GitOps;

namespace Slipway.Environments.Validation;

/// <summary>
/// Checks one file's tree against the schema: types, unknown keys (with suggestions), allowed values, well-formed
/// secret references, and no plain-text value under a key that looks secret. Required keys are checked on the merged
/// environment instead (<see cref="MergedValidator"/>), since a layer may leave them to its parents.
/// </summary>
internal static class DocumentValidator
{
    public static void Validate(ConfigMapping document, ICollection<Diagnostic> diagnostics)
        => ValidateNode(document, EnvironmentSchema.Root, string.Empty, diagnostics);

    /// <summary>
    /// Validates a file of a layer that declares <c>allowPlainTextSecrets: true</c> (at <paramref name="allowedAt"/>):
    /// plain text under secret-looking keys is then warning SLW1004 instead of error SLW0203.
    /// </summary>
    public static void Validate(ConfigMapping document, SourceLocation? allowedAt, ICollection<Diagnostic> diagnostics)
    {
        if (allowedAt is not { } allowed)
        {
            Validate(document, diagnostics);
            return;
        }

        var found = new List<Diagnostic>();
        Validate(document, found);
        foreach (Diagnostic diagnostic in found)
        {
            diagnostics.Add(diagnostic.Code == EnvironmentDiagnosticCodes.PlainTextSecret
                ? diagnostic with
                {
                    Severity = DiagnosticSeverity.Warning,
                    Code = EnvironmentDiagnosticCodes.PlainTextSecretAllowed,
                    Message = $"{diagnostic.Message[..diagnostic.Message.IndexOf(':', StringComparison.Ordinal)]}: accepted because this layer declares allowPlainTextSecrets: true ({allowed}); never use a real secret here, and no protected environment may extend this layer",
                }
                : diagnostic);
        }
    }

    private static void ValidateNode(ConfigNode node, SchemaNode schema, string path, ICollection<Diagnostic> diagnostics)
    {
        if (node is ConfigScalar { IsNull: true })
        {
            return;
        }

        if (node is ConfigScalar { IsExplicitNull: true } && schema is not AnySchema { AllowsExplicitNull: true })
        {
            diagnostics.Add(MisplacedNull(node, path));
            return;
        }

        switch (schema)
        {
            case AnySchema any:
                CheckFreeForm(node, path, any.AllowsExplicitNull, diagnostics);
                break;
            case ObjectSchema objectSchema when node is ConfigMapping mapping:
                foreach (ConfigEntry entry in mapping.Entries)
                {
                    if (objectSchema.Properties.TryGetValue(entry.Key, out SchemaProperty? property))
                    {
                        ValidateNode(entry.Value, property.Schema, Join(path, entry.Key), diagnostics);
                    }
                    else
                    {
                        diagnostics.Add(Diagnostic.Error(entry.KeyLocation, EnvironmentDiagnosticCodes.UnknownKey,
                            $"unknown key '{entry.Key}'{Where(path)}{NameSuggester.Hint(entry.Key, objectSchema.Order)}; allowed: {string.Join(", ", objectSchema.Order)}"));
                    }
                }

                break;
            case MapSchema mapSchema when node is ConfigMapping mapping:
                foreach (ConfigEntry entry in mapping.Entries)
                {
                    // The common case (infrastructure.variables), kept free of allocations: the path is built only for a problem.
                    if (mapSchema.Values is not AnySchema any || entry.Value is not ConfigScalar scalar || MayHaveProblem(scalar, entry.Key, any.AllowsExplicitNull))
                    {
                        ValidateNode(entry.Value, mapSchema.Values, Join(path, entry.Key), diagnostics);
                    }
                }

                break;
            case ListSchema listSchema when node is ConfigSequence sequence:
                for (int i = 0; i < sequence.Items.Count; i++)
                {
                    ValidateNode(sequence.Items[i], listSchema.Items, $"{path}[{i}]", diagnostics);
                }

                break;
            case ScalarSchema scalarSchema when node is ConfigScalar scalar:
                ValidateScalar(scalar, scalarSchema, path, diagnostics);
                break;
            default:
                diagnostics.Add(Diagnostic.Error(node.Location, EnvironmentDiagnosticCodes.WrongType,
                    $"'{path}' must be {schema.Expected}, not a {node.KindName}"));
                break;
        }
    }

    private static void ValidateScalar(ConfigScalar scalar, ScalarSchema schema, string path, ICollection<Diagnostic> diagnostics)
    {
        string value = scalar.Value;
        if (SecretReference.ContainsReference(value))
        {
            CheckSecret(scalar, path, diagnostics);
            if (schema.Kind == ScalarKind.String && schema.Allowed is null)
            {
                return;
            }
        }
        else if (SecretKeys.IsPlainTextSecret(LastKey(path), scalar))
        {
            diagnostics.Add(PlainText(scalar, path));
            return;
        }

        if (CheckSpecific(scalar, schema, path) is { } specific)
        {
            diagnostics.Add(specific);
            return;
        }

        bool valid = schema.Kind switch
        {
            ScalarKind.Boolean => !scalar.Quoted && value is "true" or "false",
            ScalarKind.Integer => !scalar.Quoted && int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int number)
                && (schema.Minimum is null || number >= schema.Minimum),
            ScalarKind.Duration or ScalarKind.PositiveDuration => Duration.TryParse(value, out _),
            ScalarKind.Url => Uri.TryCreate(value, UriKind.Absolute, out Uri? uri) && uri.Scheme is "http" or "https",
            ScalarKind.RelativePath => value.Length > 0 && !Path.IsPathRooted(value) && !value.StartsWith('~')
                && !value.Split('/', '\\').Contains(".."),
            ScalarKind.Pattern => schema.Pattern!.IsMatch(value),
            _ => true,
        };

        if (valid && schema.Allowed is not null)
        {
            valid = schema.Allowed.Contains(value);
        }

        if (!valid)
        {
            string code = schema.Kind is ScalarKind.Boolean or ScalarKind.Integer && (scalar.Quoted || !LooksNumericOrBool(value))
                ? EnvironmentDiagnosticCodes.WrongType
                : EnvironmentDiagnosticCodes.InvalidValue;
            string hint = schema.Allowed is not null ? NameSuggester.Hint(value, schema.Allowed) : string.Empty;
            diagnostics.Add(Diagnostic.Error(scalar.Location, code, $"'{path}' must be {schema.Expected}, not '{value}'{hint}"));
        }
    }

    /// <summary>The kinds whose problems have their own code and fix: image tags, branch names, durations that must be > 0.</summary>
    private static Diagnostic? CheckSpecific(ConfigScalar scalar, ScalarSchema schema, string path)
    {
        string value = scalar.Value;
        return schema.Kind switch
        {
            ScalarKind.ImageTag when !ImageTag.IsValid(value) => Diagnostic.Error(scalar.Location, EnvironmentDiagnosticCodes.InvalidImageTag,
                $"'{path}' is not a valid image tag: '{value}'; {ImageTag.Rule}"),
            ScalarKind.BranchName when GitBranchName.FindProblem(value) is { } problem => Diagnostic.Error(scalar.Location, EnvironmentDiagnosticCodes.InvalidBranchName,
                $"'{path}' is not a valid Git branch name: {problem}; write a branch name such as main or release/1.2"),
            ScalarKind.PositiveDuration when Duration.TryParse(value, out TimeSpan duration) && duration <= TimeSpan.Zero => Diagnostic.Error(scalar.Location,
                EnvironmentDiagnosticCodes.DurationNotPositive,
                $"'{path}' must be longer than zero, not '{value}' ({char.ToLowerInvariant(schema.Description[0])}{schema.Description[1..].TrimEnd('.')}); write a duration such as 90s, 5m or 1h"),
            _ => null,
        };
    }

    private static void CheckFreeForm(ConfigNode node, string path, bool nullAllowed, ICollection<Diagnostic> diagnostics)
    {
        switch (node)
        {
            case ConfigMapping mapping:
                foreach (ConfigEntry entry in mapping.Entries)
                {
                    if (entry.Value is ConfigScalar scalar)
                    {
                        // The common case, kept free of allocations: the path is built only for a problem.
                        if (SecretReference.ContainsReference(scalar.Value) || SecretKeys.IsPlainTextSecret(entry.Key, scalar) || (scalar.IsExplicitNull && !nullAllowed))
                        {
                            CheckFreeForm(scalar, Join(path, entry.Key), nullAllowed, diagnostics);
                        }
                    }
                    else
                    {
                        CheckFreeForm(entry.Value, Join(path, entry.Key), nullAllowed, diagnostics);
                    }
                }

                break;
            case ConfigSequence sequence:
                for (int i = 0; i < sequence.Items.Count; i++)
                {
                    CheckFreeForm(sequence.Items[i], $"{path}[{i}]", nullAllowed, diagnostics);
                }

                break;
            case ConfigScalar { IsExplicitNull: true } when !nullAllowed:
                diagnostics.Add(MisplacedNull(node, path));
                break;
            case ConfigScalar { IsNull: false } scalar when SecretReference.ContainsReference(scalar.Value):
                CheckSecret(scalar, path, diagnostics);
                break;
            case ConfigScalar scalar when SecretKeys.IsPlainTextSecret(LastKey(path), scalar):
                diagnostics.Add(PlainText(scalar, path));
                break;
        }
    }

    /// <summary>
    /// False when a scalar under <paramref name="key"/> in a free-form value certainly has nothing to report (what
    /// <see cref="CheckFreeForm"/> would find for it, without its path): LastKey of the path is LastKey of its last key.
    /// </summary>
    private static bool MayHaveProblem(ConfigScalar scalar, string key, bool nullAllowed)
        => !scalar.IsNull && ((scalar.IsExplicitNull && !nullAllowed) || SecretReference.ContainsReference(scalar.Value) || SecretKeys.IsPlainTextSecret(LastKey(key), scalar));

    private static void CheckSecret(ConfigScalar scalar, string path, ICollection<Diagnostic> diagnostics)
    {
        if (SecretReference.FindProblem(scalar.Value) is { } problem)
        {
            diagnostics.Add(Diagnostic.Error(scalar.Location, EnvironmentDiagnosticCodes.MalformedSecretReference, $"'{path}': {problem}"));
        }
    }

    private static Diagnostic MisplacedNull(ConfigNode node, string path)
        => Diagnostic.Error(node.Location, EnvironmentDiagnosticCodes.UnknownTag,
            $"'{path}': !null passes a null to a chart and belongs only under platform.releases.<name>.values; to remove an inherited key write plain null");

    private static Diagnostic PlainText(ConfigScalar scalar, string path)
        => Diagnostic.Error(scalar.Location, EnvironmentDiagnosticCodes.PlainTextSecret,
            $"'{path}' looks like a secret but holds plain text: use a reference such as ${{env:{EnvName(path)}}} or ${{file:path}}, and remove the value from history if it was real");

    /// <summary>The last key of a path built here (<c>a.b.password[0]</c> → <c>password</c>).</summary>
    private static ReadOnlySpan<char> LastKey(string path)
    {
        ReadOnlySpan<char> key = path.AsSpan(path.LastIndexOf('.') + 1);
        int bracket = key.IndexOf('[');
        return bracket >= 0 ? key[..bracket] : key;
    }

    private static string EnvName(string path)
    {
        var name = new System.Text.StringBuilder();
        foreach (char c in path)
        {
            name.Append(char.IsLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_');
        }

        return name.ToString();
    }

    private static bool LooksNumericOrBool(string value) => value is "true" or "false" || int.TryParse(value, CultureInfo.InvariantCulture, out _);

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static string Where(string path) => path.Length == 0 ? string.Empty : $" in '{path}'";
}
