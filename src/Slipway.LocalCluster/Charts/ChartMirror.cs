using System.Text;

namespace Slipway.LocalCluster.Charts;

/// <summary>
/// The chart repositories the local cluster can reach: one folder per repository URL under the mirror root, named after
/// the URL's host and path (<c>https://kubernetes.github.io/ingress-nginx</c> →
/// <c>kubernetes.github.io/ingress-nginx/index.yaml</c>; <c>oci://</c> URLs the same way), each holding that repository's
/// <c>index.yaml</c>. The repository's committed mirror is <c>local-cluster/charts/</c>; <c>./build.sh PublishChart</c> adds to it.
/// </summary>
public sealed class ChartMirror
{
    /// <summary>The mirror folder, relative to the repository root.</summary>
    public const string RelativeRoot = "local-cluster/charts";

    public const string IndexFileName = "index.yaml";

    public ChartMirror(string root)
    {
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    /// <summary>
    /// The mirror of the repository a state directory belongs to: the <c>local-cluster/charts</c> folder of the nearest
    /// folder above it that has one (the state lives under the repository's <c>.nuke/temp</c>), or null when there is none.
    /// </summary>
    public static string? Locate(string stateDirectory)
    {
        for (DirectoryInfo? dir = new(Path.GetFullPath(stateDirectory)); dir is not null; dir = dir.Parent)
        {
            string mirror = Path.Combine(dir.FullName, RelativeRoot);
            if (Directory.Exists(mirror))
            {
                return mirror;
            }
        }

        return null;
    }

    /// <summary>The folder key of a repository URL (<c>host[_port]/path</c>), or null when the URL is not http(s) or oci.</summary>
    public static string? KeyOf(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out Uri? uri) || uri.Scheme is not ("http" or "https" or "oci") || uri.Host.Length == 0)
        {
            return null;
        }

        var key = new StringBuilder(uri.Host.ToLowerInvariant());
        if (!uri.IsDefaultPort && uri.Port > 0)
        {
            key.Append('_').Append(uri.Port);
        }

        foreach (string segment in uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            string clean = Uri.UnescapeDataString(segment);
            if (clean is "." or ".." || clean.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')))
            {
                return null;
            }

            key.Append('/').Append(clean);
        }

        return key.ToString();
    }

    /// <summary>The index file that mirrors <paramref name="key"/> (a <see cref="KeyOf"/> result).</summary>
    public string IndexPath(string key) => Path.Combine(Root, Path.Combine(key.Split('/')), IndexFileName);

    /// <summary>The mirror's index text for a key, or null when the repository is not mirrored.</summary>
    public async Task<(string Text, string Path)?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        string path = IndexPath(key);
        if (!path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path))
        {
            return null;
        }

        return (await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), path);
    }

    /// <summary>The path as a user reads it in a message: relative to the repository root for the committed mirror, else as it is.</summary>
    public string Display(string path)
    {
        string relativeRoot = RelativeRoot.Replace('/', Path.DirectorySeparatorChar);
        if (!Root.EndsWith(Path.DirectorySeparatorChar + relativeRoot, StringComparison.Ordinal) || !path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return path;
        }

        return Path.GetRelativePath(Root[..^relativeRoot.Length], path).Replace(Path.DirectorySeparatorChar, '/');
    }
}
