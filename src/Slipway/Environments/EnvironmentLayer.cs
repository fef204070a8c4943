using Slipway.Environments.Yaml;

namespace Slipway.Environments;

/// <summary>
/// One folder under <c>environments/</c> as read from disk: its files (<c>env.yaml</c>, then <c>values/*.yaml</c> in
/// name order), their trees, its <c>extends</c> list, and the problems found reading them.
/// </summary>
public sealed class EnvironmentLayer
{
    public EnvironmentLayer(
        string name,
        string envFile,
        IReadOnlyList<ConfigMapping> documents,
        IReadOnlyList<LayerReference> extends,
        IReadOnlyList<Diagnostic> diagnostics)
    {
        Name = name;
        EnvFile = envFile;
        Documents = documents;
        Extends = extends;
        Diagnostics = diagnostics;
    }

    public string Name { get; }

    /// <summary>Path of <c>env.yaml</c> relative to the repository root, e.g. <c>environments/staging/env.yaml</c>.</summary>
    public string EnvFile { get; }

    /// <summary>The top-level mappings in merge order (env.yaml first).</summary>
    public IReadOnlyList<ConfigMapping> Documents { get; }

    public IReadOnlyList<LayerReference> Extends { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>
    /// Where <c>allowPlainTextSecrets: true</c> is written, when this layer declares it (a throwaway layer such as a demo):
    /// plain text under secret-looking keys in its own files is a warning, not an error. Never merged: a layer that
    /// extends it does not inherit the permission, and a protected environment may not extend it at all.
    /// </summary>
    public SourceLocation? PlainTextSecretsAllowedAt { get; init; }
}
