namespace Slipway.Freezing.Modules;

/// <summary>
/// A module registry address: <c>[host/]namespace/name/provider</c> (a <c>//subdirectory</c> after it is not part of the
/// address), the host <c>registry.terraform.io</c> when none is written. <see cref="Registry"/> is where service discovery
/// is asked: <c>https://&lt;host&gt;/</c> (<c>http://</c> for a loopback host), or the mirror the <see cref="MirrorMap"/> names
/// for the address.
/// </summary>
internal sealed record ModuleAddress(string Host, string Namespace, string Name, string Provider, Uri Registry)
{
    public const string DefaultHost = "registry.terraform.io";

    public string Path => $"{Namespace}/{Name}/{Provider}";

    /// <summary>The address of a registry source, or null when <paramref name="source"/> is another kind (local, git, URL, archive).</summary>
    public static ModuleAddress? TryParse(string source, MirrorMap mirrors)
    {
        string value = source.Trim();
        int subdirectory = value.IndexOf("//", StringComparison.Ordinal);
        value = subdirectory >= 0 ? value[..subdirectory] : value;
        if (value.Length == 0 || value.StartsWith('.') || value.StartsWith('/') || value.Contains("::", StringComparison.Ordinal)
            || value.Contains('@', StringComparison.Ordinal) || value.Contains('?', StringComparison.Ordinal))
        {
            return null;
        }

        string[] parts = value.Split('/');
        if (parts.Length is not (3 or 4) || parts.Any(static p => p.Length == 0) || (parts.Length == 4 && !IsHost(parts[0])) || (parts.Length == 3 && IsHost(parts[0])))
        {
            return null;
        }

        string host = parts.Length == 4 ? parts[0].ToLowerInvariant() : DefaultHost;
        string[] path = parts[^3..];
        string full = $"{host}/{string.Join('/', path)}";
        Uri registry = mirrors.Find(full) is ({ } _, { } mirror)
            ? new Uri(mirror.AbsoluteUri.TrimEnd('/') + "/")
            : new Uri($"{(IsLoopback(host) ? "http" : "https")}://{host}/");
        return new ModuleAddress(host, path[0], path[1], path[2], registry);
    }

    private static bool IsHost(string part) => part.Contains('.', StringComparison.Ordinal) || part.Contains(':', StringComparison.Ordinal) || part == "localhost";

    private static bool IsLoopback(string host) => host.Split(':')[0] is "localhost" or "127.0.0.1";
}
