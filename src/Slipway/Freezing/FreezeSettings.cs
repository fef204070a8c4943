using Slipway.Environments;
using Slipway.Environments.Yaml;

namespace Slipway.Freezing;

/// <summary>
/// The <c>freeze</c> section of an environment: <c>mirrors</c> maps an upstream prefix (a chart repository URL such as
/// <c>https://kubernetes.github.io/</c>, a registry host such as <c>registry.local</c>, a module registry host) to
/// <c>local</c> (the local cluster's chart mirror and registry, which Freeze starts) or a mirror URL; <c>pinDigests</c>
/// makes targets deploy images by digest (<c>image:tag@sha256:…</c>) from the lock; <c>registries.&lt;host&gt;</c> holds a
/// registry login as <c>${env:…}</c> references (<c>username</c>, <c>password</c>), resolved only when Freeze asks.
/// </summary>
public sealed record FreezeSettings(IReadOnlyDictionary<string, string> Mirrors, bool PinDigests)
{
    /// <summary>Registry logins by host, as written (references unresolved), with where each was set.</summary>
    public IReadOnlyList<RegistryLogin> Registries { get; init; } = [];

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

        var registries = new List<RegistryLogin>();
        if (freeze?.Get("registries") is ConfigMapping logins)
        {
            foreach (ConfigEntry entry in logins.Entries)
            {
                if (entry.Value is ConfigMapping login)
                {
                    registries.Add(new RegistryLogin(entry.Key, Text(login, "username"), Text(login, "password"), entry.KeyLocation.ToString()));
                }
            }
        }

        return new FreezeSettings(mirrors, freeze?.Get("pinDigests") is ConfigScalar { Value: "true" }) { Registries = registries };
    }

    private static string? Text(ConfigMapping mapping, string key) => mapping.Get(key) is ConfigScalar { IsNull: false } scalar ? scalar.Value : null;

    /// <summary>Whether a mirror is the local cluster's (Freeze then starts a local cluster to ask it).</summary>
    public bool UsesLocalMirror => Mirrors.Values.Any(value => value == LocalMirror);

    /// <summary>
    /// The mirror map with <c>local</c> resolved against <paramref name="localBase"/> (the local cluster's address; null
    /// when none runs): for a chart repository prefix (<c>https://…</c>) its chart mirror <c>/charts/</c>, for a registry
    /// host its OCI registry (<c>/v2/</c> at the root).
    /// </summary>
    /// <exception cref="SlipwayException">Input (exit 2): a mirror that is neither <c>local</c> nor an absolute URL.</exception>
    public MirrorMap Map(Uri? localBase)
        => new(Mirrors.Select(mirror => new KeyValuePair<string, Uri>(mirror.Key, Target(mirror.Key, mirror.Value, localBase))));

    private static Uri Target(string upstream, string mirror, Uri? localBase)
    {
        if (mirror == LocalMirror)
        {
            Uri root = localBase ?? throw new InvalidOperationException("a local mirror is configured but no local cluster was started");
            return upstream.Contains("://", StringComparison.Ordinal) ? new Uri(root, "charts/") : root;
        }

        return Uri.TryCreate(mirror, UriKind.Absolute, out Uri? url) && url.Scheme is "http" or "https"
            ? url
            : throw SlipwayException.Input($"freeze.mirrors[\"{upstream}\"]: '{mirror}' is neither 'local' nor an http(s) URL");
    }
}
