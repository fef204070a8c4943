namespace Slipway.Freezing.Images;

/// <summary>
/// Where an image's manifests are asked for: the registry host as written (<see cref="Registry"/>, <c>docker.io</c> when the
/// image names none), the API base URL (<c>https://&lt;host&gt;</c>, <c>http://</c> for a loopback registry,
/// <c>https://registry-1.docker.io</c> for Docker Hub) and the repository name in that registry (<c>library/nginx</c> for
/// Docker Hub's single names). A <see cref="MirrorMap"/> entry for the image replaces the prefix it matched: the mirror's
/// URL is the API base and its path, if any, the start of the name (<c>registry.local</c> → <c>http://127.0.0.1:5000</c>
/// asks <c>http://127.0.0.1:5000/v2/web/…</c> for <c>registry.local/web</c>, the local cluster's naming).
/// </summary>
internal sealed record ImageLocation(string Registry, Uri ApiBase, string Name)
{
    private const string DockerHub = "docker.io";

    public Uri Manifest(string reference) => new(ApiBase, $"v2/{Name}/manifests/{reference}");

    /// <exception cref="SlipwayException"><see cref="FailureKind.Input"/>: not an image name.</exception>
    public static ImageLocation Of(string image, MirrorMap mirrors)
    {
        string value = image.Trim();
        if (value.Length == 0 || value.Contains('@', StringComparison.Ordinal) || value.Any(char.IsWhiteSpace) || value.Contains("://", StringComparison.Ordinal))
        {
            throw SlipwayException.Input($"'{image}' is not an image name: write registry/name (ghcr.io/org/app, registry.local/web) with the tag apart.");
        }

        int slash = value.IndexOf('/', StringComparison.Ordinal);
        string first = slash < 0 ? string.Empty : value[..slash];
        bool named = first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost";
        string registry = named ? first.ToLowerInvariant() : DockerHub;
        registry = registry is "index.docker.io" or "registry-1.docker.io" ? DockerHub : registry;
        string name = named ? value[(slash + 1)..] : value;
        if (mirrors.Find(value) is ({ } prefix, { } mirror))
        {
            string rest = value[prefix.Length..].Trim('/');
            string path = mirror.AbsolutePath.Trim('/');
            return new ImageLocation(registry, new Uri(mirror.GetLeftPart(UriPartial.Authority) + "/"), path.Length == 0 ? rest : $"{path}/{rest}");
        }

        if (registry == DockerHub)
        {
            return new ImageLocation(registry, new Uri("https://registry-1.docker.io/"), name.Contains('/', StringComparison.Ordinal) ? name : "library/" + name);
        }

        string host = registry.Split(':')[0];
        bool loopback = host is "localhost" or "127.0.0.1" or "[::1]";
        return new ImageLocation(registry, new Uri($"{(loopback ? "http" : "https")}://{registry}/"), name);
    }
}
