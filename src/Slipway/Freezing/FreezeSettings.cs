using Slipway.Environments;
using Slipway.Environments.Yaml;

namespace Slipway.Freezing;

/// <summary>
/// The <c>freeze</c> section of an environment: <c>mirrors</c> maps an upstream prefix (a chart repository URL such as
/// <c>https://kubernetes.github.io/</c>, a registry host such as <c>registry.local</c>, a module registry host) to
/// <c>local</c> (the local cluster's chart mirror and registry, which Freeze starts) or a mirror URL; <c>pinDigests</c>
/// makes targets deploy images by digest (<c>image:tag@sha256:…</c>) from the lock.
/// </summary>
public sealed record FreezeSettings(IReadOnlyDictionary<string, string> Mirrors, bool PinDigests)
{
    public const string Section = "freeze";

    public const string LocalMirror = "local";

    public static FreezeSettings From(ResolvedEnvironment environment)
    {
        ConfigMapping? freeze = environment.Root.Get(Section) as ConfigMapping;
        var mirrors = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (freeze?.Get("mirrors") is ConfigMapping mapping)
        {
            foreach (ConfigEntry entry in mapping.Entries)
            {
                if (entry.Value is ConfigScalar { IsNull: false } target)
                {
                    mirrors[entry.Key] = target.Value;
                }
            }
        }

        return new FreezeSettings(mirrors, freeze?.Get("pinDigests") is ConfigScalar { Value: "true" });
    }

    /// <summary>Whether a mirror is the local cluster's (Freeze then starts a local cluster to ask it).</summary>
    public bool UsesLocalMirror => Mirrors.Values.Any(value => value == LocalMirror);

    /// <summary>The mirror map with <c>local</c> as <paramref name="localBase"/> (the local cluster's address; null when none runs).</summary>
    public MirrorMap Map(Uri? localBase)
        => new(Mirrors.Select(mirror => new KeyValuePair<string, Uri>(mirror.Key, mirror.Value == LocalMirror
            ? localBase ?? throw new InvalidOperationException("a local mirror is configured but no local cluster was started")
            : new Uri(mirror.Value))));
}
