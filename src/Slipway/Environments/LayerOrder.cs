namespace Slipway.Environments;

/// <summary>
/// Which layers of one environment the <c>extends</c> lists order relative to each other: a layer comes after each of
/// its parents, and each parent of a list after the one listed before it; everything else the linearization decided on
/// its own. Two layers neither of which comes after the other are <em>unordered</em>: if they set a key to different
/// values, the result hangs on that arbitrary choice (<see cref="LayerDisagreements"/>).
/// </summary>
internal sealed class LayerOrder
{
    private readonly Dictionary<string, int> _index;
    private readonly Dictionary<string, int> _fileIndex = new(StringComparer.Ordinal);
    private readonly HashSet<int>[] _before;
    private readonly HashSet<int>[] _ancestors;

    public LayerOrder(IReadOnlyList<string> order, IReadOnlyDictionary<string, EnvironmentLayer> layers)
    {
        Layers = order;
        _index = new Dictionary<string, int>(order.Count, StringComparer.Ordinal);
        for (int i = 0; i < order.Count; i++)
        {
            _index[order[i]] = i;
        }

        // Edges: parent -> layer, and each list entry -> the next one. The order is a linear extension of these edges
        // (the linearization keeps them), so one pass in order builds each layer's set of predecessors.
        var incoming = new List<int>[order.Count];
        var parents = new List<int>[order.Count];
        for (int i = 0; i < order.Count; i++)
        {
            incoming[i] ??= [];
            IReadOnlyList<Yaml.ConfigMapping> documents = layers[order[i]].Documents;
            foreach (Yaml.ConfigMapping document in documents)
            {
                _fileIndex[document.Location.File] = i;
            }

            parents[i] = [];
            int previous = -1;
            foreach (LayerReference parent in layers[order[i]].Extends)
            {
                if (_index.TryGetValue(parent.Name, out int p))
                {
                    incoming[i].Add(p);
                    parents[i].Add(p);
                    if (previous >= 0 && previous != p)
                    {
                        (incoming[p] ??= []).Add(previous);
                    }

                    previous = p;
                }
            }
        }

        _before = new HashSet<int>[order.Count];
        _ancestors = new HashSet<int>[order.Count];
        for (int i = 0; i < order.Count; i++)
        {
            _ancestors[i] = [];
            foreach (int p in parents[i])
            {
                if (p < i)
                {
                    _ancestors[i].Add(p);
                    _ancestors[i].UnionWith(_ancestors[p]);
                }
            }

            _before[i] = [];
            foreach (int p in incoming[i])
            {
                if (p < i)
                {
                    _before[i].Add(p);
                    _before[i].UnionWith(_before[p]);
                }
            }
        }
    }

    /// <summary>Layer names in application order.</summary>
    public IReadOnlyList<string> Layers { get; }

    /// <summary>The position of the layer whose file is <paramref name="file"/>, or -1.</summary>
    public int LayerOfFile(string file) => _fileIndex.TryGetValue(file, out int i) ? i : -1;

    /// <summary>True when the extends lists put layer <paramref name="a"/> before layer <paramref name="b"/> (directly or through others).</summary>
    public bool IsBefore(int a, int b) => a != b && _before[b].Contains(a);

    /// <summary>True when the layers are the same or one comes before the other by the extends lists.</summary>
    public bool AreOrdered(int a, int b) => a == b || a < 0 || b < 0 || IsBefore(a, b) || IsBefore(b, a);

    /// <summary>The first layer in application order that extends both, directly or not (the one whose extends left them unordered).</summary>
    public int FirstReachingBoth(int a, int b)
    {
        for (int i = Math.Max(a, b) + 1; i < Layers.Count; i++)
        {
            if (_ancestors[i].Contains(a) && _ancestors[i].Contains(b))
            {
                return i;
            }
        }

        return Layers.Count - 1;
    }
}
