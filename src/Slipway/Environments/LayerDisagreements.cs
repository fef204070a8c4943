using Slipway.Environments.Yaml;

namespace Slipway.Environments;

/// <summary>
/// Finds keys whose merged value hangs on an arbitrary choice: two layers that no <c>extends</c> list orders relative
/// to each other (<see cref="LayerOrder"/>) set the key to different values, and no layer ordered after both settles
/// it. The merge notes every override between unordered layers (cheap: values compared first, rare after that);
/// <see cref="Report"/> then looks at each noted key's final override chain.
/// </summary>
internal sealed class LayerDisagreements
{
    private readonly LayerOrder _order;
    private readonly IReadOnlyDictionary<string, EnvironmentLayer> _layers;
    private List<(ConfigMapping Mapping, string Key)>? _noted;

    public LayerDisagreements(LayerOrder order, IReadOnlyDictionary<string, EnvironmentLayer> layers)
    {
        _order = order;
        _layers = layers;
    }

    /// <summary>Called by the merge before <paramref name="incoming"/> overrides <paramref name="existing"/> in <paramref name="mapping"/>.</summary>
    public void Overriding(ConfigMapping mapping, ConfigEntry existing, ConfigEntry incoming)
    {
        if (SameValue(existing.Value, incoming.Value)
            || _order.AreOrdered(_order.LayerOfFile(existing.KeyLocation.File), _order.LayerOfFile(incoming.KeyLocation.File)))
        {
            return;
        }

        (_noted ??= []).Add((mapping, existing.Key));
    }

    /// <summary>One diagnostic per key whose value depends on the arbitrary order; errors when <paramref name="isProtected"/>.</summary>
    public IReadOnlyList<Diagnostic> Report(ConfigMapping root, bool isProtected)
    {
        if (_noted is null)
        {
            return [];
        }

        var result = new List<Diagnostic>();
        foreach ((ConfigMapping mapping, string key) in _noted.Distinct())
        {
            if ((mapping.GetEntry(key) ?? mapping.RemovedBy(key)) is not { } winner)
            {
                continue;
            }

            List<ConfigEntry> chain = [.. winner.Chain()];
            int w = _order.LayerOfFile(winner.KeyLocation.File);
            ConfigEntry? rival = chain.Skip(1).FirstOrDefault(entry =>
            {
                int e = _order.LayerOfFile(entry.KeyLocation.File);
                return !SameValue(entry.Value, winner.Value) && !_order.AreOrdered(e, w)
                    && !chain.Any(other => _order.IsBefore(e, _order.LayerOfFile(other.KeyLocation.File)));
            });
            if (rival is not null)
            {
                result.Add(Describe(PathOf(root, mapping, key) ?? key, winner, w, rival, isProtected));
            }
        }

        return result;
    }

    private Diagnostic Describe(string path, ConfigEntry winner, int w, ConfigEntry rival, bool isProtected)
    {
        int r = _order.LayerOfFile(rival.KeyLocation.File);
        string winning = _order.Layers[w];
        string losing = _order.Layers[r];
        EnvironmentLayer decider = _layers[_order.Layers[_order.FirstReachingBoth(w, r)]];
        SourceLocation at = decider.Extends.Count > 0 ? decider.Extends[0].Location : new SourceLocation(decider.EnvFile, 1, 1);
        string message = $"layers '{losing}' ({rival.KeyLocation}) and '{winning}' ({winner.KeyLocation}) set '{path}' to different values and no extends list orders them: "
            + $"'{winning}' wins only by the order the linearization picked ({string.Join(" -> ", _order.Layers)}). Order them in the extends of '{decider.Name}' "
            + $"(the later wins: e.g. extends: [{winning}, {losing}, …] lets '{losing}' win), or set '{path}' in '{decider.Name}' itself";
        return isProtected
            ? Diagnostic.Error(at, EnvironmentDiagnosticCodes.ProtectedUnorderedLayers, $"protected environment: {message}")
            : Diagnostic.Warning(at, EnvironmentDiagnosticCodes.UnorderedLayers, message);
    }

    /// <summary>Whether two values merge to the same result (so which one wins does not matter).</summary>
    internal static bool SameValue(ConfigNode a, ConfigNode b) => (a, b) switch
    {
        (ConfigScalar x, ConfigScalar y) => x.IsNull == y.IsNull && x.IsExplicitNull == y.IsExplicitNull && string.Equals(x.Value, y.Value, StringComparison.Ordinal),
        (ConfigSequence x, ConfigSequence y) => x.Append == y.Append && x.Items.Count == y.Items.Count
            && x.Items.Zip(y.Items).All(pair => SameValue(pair.First, pair.Second)),
        (ConfigMapping x, ConfigMapping y) => x.Count == y.Count
            && x.Entries.All(entry => y.Get(entry.Key) is { } other && SameValue(entry.Value, other)),
        _ => false,
    };

    /// <summary>The dotted path of <paramref name="key"/> in <paramref name="mapping"/>, found by walking the tree (rare: only for a report).</summary>
    private static string? PathOf(ConfigMapping current, ConfigMapping target, string key)
    {
        if (ReferenceEquals(current, target))
        {
            return ConfigPath.Format([key]);
        }

        foreach (ConfigEntry entry in current.Entries)
        {
            if (entry.Value is ConfigMapping child && PathOf(child, target, key) is { } rest)
            {
                return ConfigPath.Format([entry.Key]) + (rest.StartsWith('[') ? rest : "." + rest);
            }
        }

        return null;
    }
}
