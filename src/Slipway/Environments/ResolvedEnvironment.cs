using Slipway.Environments.Yaml;

namespace Slipway.Environments;

/// <summary>
/// An environment after <c>extends</c> and merging: the merged tree (every entry knows its file, line and the
/// entries it overrode), the layers in merge order, and the problems found loading and merging them.
/// </summary>
public sealed class ResolvedEnvironment
{
    public ResolvedEnvironment(string name, IReadOnlyList<string> layers, ConfigMapping root, IReadOnlyList<Diagnostic> diagnostics)
    {
        Name = name;
        Layers = layers;
        Root = root;
        Diagnostics = diagnostics;
    }

    public string Name { get; }

    /// <summary>Layer names in merge order: the furthest ancestor first, this environment last.</summary>
    public IReadOnlyList<string> Layers { get; }

    public ConfigMapping Root { get; }

    /// <summary>Problems found reading the files and resolving extends (schema and policy checks are the validator's).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>
    /// Keys that two layers no <c>extends</c> list orders set to different values (warnings; errors in a protected
    /// environment): reported by the validator, shown by ShowConfig.
    /// </summary>
    public IReadOnlyList<Diagnostic> Disagreements { get; init; } = [];

    /// <summary>The entry at a path such as <c>apps.web.tag</c> or <c>values["docker.io"]</c> (<see cref="ConfigPath"/>), or null.</summary>
    public ConfigEntry? Find(string path) => Root.Find(path);
}
