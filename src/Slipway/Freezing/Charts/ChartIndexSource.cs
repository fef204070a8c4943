namespace Slipway.Freezing.Charts;

/// <summary>
/// Where a chart repository's versions are read: the <c>index.yaml</c> URL of an HTTP(S) repository, the file of a local
/// one, or the registry of an <c>oci://</c> one, after the <see cref="MirrorMap"/> had its say. <see cref="Display"/> is what
/// the lock records as the source and what errors name.
/// </summary>
internal sealed record ChartIndexSource(string Display, Uri? Url, string? File, Uri? OciRepository)
{
    private const string IndexFileName = "index.yaml";

    /// <summary>
    /// The source for <paramref name="repository"/>: a mirror replaces the prefix it matched with its base URL
    /// (<c>https://charts.example.com/stable</c> under a mirror of <c>https://</c> at <c>http://127.0.0.1:5000/charts/</c> is
    /// read from <c>http://127.0.0.1:5000/charts/charts.example.com/stable/index.yaml</c>, the local cluster's layout).
    /// A path that is not a URL is a local repository: an <c>index.yaml</c> file or a folder holding one, relative to
    /// <paramref name="baseDirectory"/>.
    /// </summary>
    /// <exception cref="SlipwayException"><see cref="FailureKind.Input"/>: an empty repository or a scheme no chart repository has.</exception>
    public static ChartIndexSource Locate(string repository, MirrorMap mirrors, string baseDirectory)
    {
        string upstream = repository.Trim();
        if (upstream.Length == 0)
        {
            throw SlipwayException.Input("A chart has no repository: give the Helm repository URL (https://…, oci://…) or a local path.");
        }

        if (mirrors.Find(upstream) is ({ } prefix, { } mirror))
        {
            string rest = upstream[prefix.Length..].TrimStart('/');
            string mirrored = mirror.AbsoluteUri.TrimEnd('/') + (rest.Length == 0 ? string.Empty : "/" + rest);
            return FromUrl(mirrored, repository) with { Display = IndexUrl(mirrored) };
        }

        if (upstream.Contains("://", StringComparison.Ordinal))
        {
            return FromUrl(upstream, repository);
        }

        string path = Path.GetFullPath(upstream, baseDirectory);
        string file = Directory.Exists(path) ? Path.Combine(path, IndexFileName) : path;
        return new ChartIndexSource(file, null, file, null);
    }

    private static ChartIndexSource FromUrl(string url, string repository)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri))
        {
            throw SlipwayException.Input($"Chart repository '{repository}' is not a valid URL.");
        }

        return uri.Scheme switch
        {
            "http" or "https" => new ChartIndexSource(IndexUrl(url), new Uri(IndexUrl(url)), null, null),
            "oci" => new ChartIndexSource(url, null, null, uri),
            "file" => new ChartIndexSource(uri.LocalPath, null, Directory.Exists(uri.LocalPath) ? Path.Combine(uri.LocalPath, IndexFileName) : uri.LocalPath, null),
            _ => throw SlipwayException.Input($"Chart repository '{repository}' has the scheme '{uri.Scheme}': a Helm repository is https://, http://, oci:// or a local path."),
        };
    }

    private static string IndexUrl(string repositoryUrl)
        => repositoryUrl.EndsWith("/" + IndexFileName, StringComparison.Ordinal) || repositoryUrl.StartsWith("oci:", StringComparison.Ordinal)
            ? repositoryUrl
            : repositoryUrl.TrimEnd('/') + "/" + IndexFileName;
}
