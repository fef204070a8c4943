using Slipway.Environments.Yaml;

namespace Slipway.Environments.Validation;

/// <summary>
/// The Validate target's library: loads, merges and checks one environment or all of them and reports every problem
/// at once. Each layer's files are checked once (so a typo in base is reported once, not once per environment);
/// each environment is then checked merged.
/// </summary>
public static class EnvironmentValidator
{
    /// <summary>Validates <paramref name="environment"/> (and the layers it extends), or every environment when null.</summary>
    public static ValidationResult Validate(EnvironmentCatalog catalog, string? environment)
    {
        IReadOnlyList<string> names;
        if (string.IsNullOrEmpty(environment))
        {
            names = catalog.Names;
        }
        else
        {
            catalog.Require(environment);
            names = [environment];
        }

        if (names.Count == 0)
        {
            throw SlipwayException.Input($"no environments under {EnvironmentCatalog.EnvironmentsFolder}/: create one with ./build.sh NewEnvironment --name dev");
        }

        var diagnostics = new HashSet<Diagnostic>(catalog.Diagnostics);

        // Each environment is merged and checked in one step, while its tree is fresh in the cache; only its layers and
        // diagnostics are kept, so the merged tree dies young (cheap for the GC) instead of being promoted with the rest.
        List<string> known = [.. catalog.Layers.Keys];
        var layersOf = new IReadOnlyList<string>[names.Count];
        var perEnvironment = new List<Diagnostic>[names.Count];
        for (int i = 0; i < names.Count; i++)
        {
            ResolvedEnvironment resolved = catalog.Resolve(names[i]);
            layersOf[i] = resolved.Layers;
            diagnostics.UnionWith(resolved.Diagnostics);
            perEnvironment[i] = [];
            if (resolved.Diagnostics.Any(diagnostic => diagnostic.IsError))
            {
                // Files that could not be read or layers that could not be resolved: merged checks would only add noise.
                continue;
            }

            MergedValidator.Validate(resolved, known, perEnvironment[i]);
            MergedValidator.CheckPlainTextPermission(resolved, catalog.Layers, perEnvironment[i]);
        }

        var layerNames = layersOf.SelectMany(layers => layers).Distinct().ToList();
        var perLayer = new List<Diagnostic>[layerNames.Count];
        for (int i = 0; i < layerNames.Count; i++)
        {
            perLayer[i] = [];
            EnvironmentLayer layer = catalog.Layers[layerNames[i]];
            foreach (ConfigMapping document in layer.Documents)
            {
                DocumentValidator.Validate(document, layer.PlainTextSecretsAllowedAt, perLayer[i]);
            }
        }

        diagnostics.UnionWith(perLayer.SelectMany(list => list));
        diagnostics.UnionWith(perEnvironment.SelectMany(list => list));

        List<Diagnostic> sorted = [.. diagnostics
            .OrderBy(d => d.File, StringComparer.Ordinal)
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)];
        return new ValidationResult(names, sorted);
    }

    /// <summary>
    /// The whole Validate target: validates; on success writes each warning (compiler form) and the summary to
    /// <paramref name="log"/>; on failure throws a <see cref="SlipwayException"/> (Input, exit 2) whose message holds
    /// every diagnostic line and the summary (printed once, by the engine). On GitHub Actions every diagnostic is also
    /// written as a <c>::error</c>/<c>::warning</c> workflow command so the run annotates the lines.
    /// </summary>
    public static ValidationResult Run(EnvironmentCatalog catalog, string? environment, bool warningsAsErrors, bool gitHubActions, ILog log)
    {
        ValidationResult result = Validate(catalog, environment);
        bool failed = result.Failed(warningsAsErrors);
        foreach (Diagnostic diagnostic in result.Diagnostics)
        {
            Diagnostic shown = warningsAsErrors ? diagnostic with { Severity = DiagnosticSeverity.Error } : diagnostic;
            if (gitHubActions)
            {
                log.Info(DiagnosticFormatter.FormatGitHubActions(shown));
            }

            if (!failed)
            {
                log.Warning(DiagnosticFormatter.Format(shown));
            }
        }

        result.ThrowIfFailed(warningsAsErrors);
        log.Info(result.Summary);
        return result;
    }
}
