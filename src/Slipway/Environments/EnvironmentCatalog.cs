using Slipway.Environments.Yaml;
using Slipway.Freezing.Lock;

namespace Slipway.Environments;

/// <summary>
/// All layers under <c>environments/</c> of a repository, read once; <see cref="Resolve"/> merges one environment.
/// Reading never throws for bad content: problems are <see cref="Diagnostic"/>s, so Validate can report them all.
/// </summary>
public sealed class EnvironmentCatalog
{
    public const string EnvironmentsFolder = "environments";

    public const string ExtendsKey = "extends";

    /// <summary>A layer's own setting, not merged: plain text under secret-looking keys is a warning in its files.</summary>
    public const string AllowPlainTextSecretsKey = "allowPlainTextSecrets";

    private readonly Dictionary<string, EnvironmentLayer> _layers;

    private EnvironmentCatalog(string repositoryRoot, Dictionary<string, EnvironmentLayer> layers, IReadOnlyList<Diagnostic> diagnostics)
    {
        RepositoryRoot = repositoryRoot;
        _layers = layers;
        Diagnostics = diagnostics;
    }

    public string RepositoryRoot { get; }

    public IReadOnlyDictionary<string, EnvironmentLayer> Layers => _layers;

    /// <summary>The environment names, sorted.</summary>
    public IReadOnlyList<string> Names => [.. _layers.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Problems with the folder itself (invalid folder names).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public static async Task<EnvironmentCatalog> LoadAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        string root = Path.GetFullPath(repositoryRoot);
        string folder = Path.Combine(root, EnvironmentsFolder);
        if (!Directory.Exists(folder))
        {
            throw SlipwayException.Input($"no '{EnvironmentsFolder}/' folder in {root}: run from the repository root, or create one with ./build.sh NewEnvironment --name dev");
        }

        var diagnostics = new List<Diagnostic>();
        var names = new List<string>();
        foreach (string directory in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(directory);
            if (EnvironmentName.IsValid(name))
            {
                names.Add(name);
            }
            else
            {
                diagnostics.Add(new Diagnostic($"{EnvironmentsFolder}/{name}", 1, 1, DiagnosticSeverity.Error,
                    EnvironmentDiagnosticCodes.InvalidName, $"{EnvironmentName.Explain(name)}: rename the folder"));
            }
        }

        // One thread on purpose: reading is cheap now (a fast scanner, see YamlTreeReader) and what remains is mostly the
        // garbage collector promoting the trees being kept; a parallel loop measured twice the CPU for no gain in wall
        // time on two shared cores, most of it waiting for both threads to stop for those collections. The scanner's buffers
        // are reused from file to file (YamlScanBuffers), so what a load allocates is nearly all tree.
        var layers = new EnvironmentLayer[names.Count];
        await Task.Run(() =>
        {
            var buffers = new YamlScanBuffers();
            for (int i = 0; i < names.Count; i++)
            {
                layers[i] = EnvironmentLayerReader.Read(root, names[i], cancellationToken, buffers);
            }
        }, cancellationToken).ConfigureAwait(false);

        return new EnvironmentCatalog(root, layers.ToDictionary(layer => layer.Name, StringComparer.Ordinal), diagnostics);
    }

    public bool Contains(string name) => _layers.ContainsKey(name);

    /// <summary>
    /// This catalogue with one more layer that has no folder (a review environment, <see cref="Review.ReviewLayer"/>); the
    /// layers read from disk are shared, not read again.
    /// </summary>
    public EnvironmentCatalog With(EnvironmentLayer layer)
    {
        if (Contains(layer.Name))
        {
            throw new ArgumentException($"The catalogue already has an environment '{layer.Name}'.", nameof(layer));
        }

        return new EnvironmentCatalog(RepositoryRoot, new Dictionary<string, EnvironmentLayer>(_layers, StringComparer.Ordinal) { [layer.Name] = layer }, Diagnostics);
    }

    /// <summary>Throws a <see cref="SlipwayException"/> (Input) when <paramref name="name"/> is not an environment here.</summary>
    public void Require(string name, string parameter = "--env")
    {
        EnvironmentName.Require(name, parameter);
        if (!Contains(name))
        {
            throw SlipwayException.Input(
                $"{parameter}: no environment '{name}'{NameSuggester.Hint(name, _layers.Keys)}; known: {string.Join(", ", Names)} (create it with ./build.sh NewEnvironment --name {name} --extends base)");
        }
    }

    /// <summary>
    /// Merges the layers of <paramref name="name"/> and puts its version lock (<c>versions.lock.yaml</c>) over them when it
    /// has one (<paramref name="applyLock"/>: Freeze reads the configuration without it); problems are in
    /// <see cref="ResolvedEnvironment.Diagnostics"/>.
    /// </summary>
    public ResolvedEnvironment Resolve(string name, bool applyLock = true)
    {
        Require(name);
        var diagnostics = new List<Diagnostic>();
        IReadOnlyList<string> order = LayerLinearizer.Linearize(name, _layers, diagnostics);
        EnvironmentLayer self = _layers[name];
        var root = new ConfigMapping(new SourceLocation(self.EnvFile, 1, 1));
        var seen = new HashSet<Diagnostic>(diagnostics);
        // A chain of single parents orders every layer against every other: nothing to watch.
        LayerDisagreements? watch = LayerLinearizer.IsChain(order, _layers) ? null : new LayerDisagreements(new LayerOrder(order, _layers), _layers);
        foreach (string layerName in order)
        {
            EnvironmentLayer layer = _layers[layerName];
            foreach (Diagnostic diagnostic in layer.Diagnostics)
            {
                if (seen.Add(diagnostic))
                {
                    diagnostics.Add(diagnostic);
                }
            }

            foreach (ConfigMapping document in layer.Documents)
            {
                ConfigMerger.MergeInto(root, document, diagnostics, topLevel: true, watch);
            }
        }

        if (applyLock)
        {
            LockOverlay.Apply(RepositoryRoot, name, root, diagnostics);
        }

        bool isProtected = root.Get("protected") is ConfigScalar { Value: "true" };
        return new ResolvedEnvironment(name, order, root, diagnostics) { Disagreements = watch?.Report(root, isProtected) ?? [] };
    }
}
