namespace Slipway.Freezing;

/// <summary>
/// Where to ask instead: upstream chart repository URLs, registry hosts and module registry hosts mapped to mirror base
/// URLs (the local cluster serves a Helm repository mirror at <c>/charts/&lt;host&gt;/&lt;path&gt;/</c> and an OCI registry at
/// <c>/v2/</c>). The longest matching prefix wins; an upstream without a mirror is asked directly.
/// </summary>
public sealed class MirrorMap
{
    private readonly KeyValuePair<string, Uri>[] _mirrors;

    public MirrorMap(IEnumerable<KeyValuePair<string, Uri>> mirrors)
    {
        _mirrors = mirrors.OrderByDescending(static m => m.Key.Length).ToArray();
    }

    public static MirrorMap None { get; } = new([]);

    /// <summary>The mirror base URL for <paramref name="upstream"/> and the prefix it matched, or <c>null</c> when none is set.</summary>
    public (string Prefix, Uri Mirror)? Find(string upstream)
    {
        foreach (KeyValuePair<string, Uri> mirror in _mirrors)
        {
            if (upstream.StartsWith(mirror.Key, StringComparison.OrdinalIgnoreCase))
            {
                return (mirror.Key, mirror.Value);
            }
        }

        return null;
    }
}
