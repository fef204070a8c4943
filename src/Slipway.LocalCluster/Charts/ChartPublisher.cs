using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Slipway.Freezing.Charts;
using Slipway.IO;

namespace Slipway.LocalCluster.Charts;

/// <summary>
/// What <c>./build.sh PublishChart</c> does: adds one chart version to the mirror of a repository URL (creating its
/// <c>index.yaml</c> when the repository is new), written atomically. The local cluster has no chart archives: the
/// entry's digest is that of the version's name, and its URL is where the archive would be in the repository.
/// </summary>
public static partial class ChartPublisher
{
    /// <summary>Adds the version and returns the index file written.</summary>
    /// <exception cref="SlipwayException">Bad input (exit 2): the URL, chart name or version, or a malformed existing index.</exception>
    public static async Task<string> PublishAsync(ChartMirror mirror, string repository, string chart, string version, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mirror);
        ArgumentNullException.ThrowIfNull(repository);
        string? key = ChartMirror.KeyOf(repository);
        if (key is null)
        {
            throw SlipwayException.Input($"PublishChart --repository '{repository}' is not a chart repository URL: give an http(s):// or oci:// URL, e.g. --repository https://stefanprodan.github.io/podinfo");
        }

        if (string.IsNullOrEmpty(chart) || chart.Length > 250 || !ChartName().IsMatch(chart))
        {
            throw SlipwayException.Input($"PublishChart --chart '{chart}' is not a valid chart name: lowercase letters, digits, '-', '.' and '_', starting and ending with a letter or digit (e.g. --chart podinfo)");
        }

        if (!HelmVersion.IsStrict(version))
        {
            throw SlipwayException.Input($"PublishChart --version '{version}' is not a semantic version: a chart version is MAJOR.MINOR.PATCH with an optional -prerelease, e.g. --version 1.2.3");
        }

        string path = mirror.IndexPath(key);
        string header = $"# Helm repository {repository.TrimEnd('/')} as the local cluster mirrors it (docs/local-cluster.md).\n# Written by ./build.sh PublishChart; digests are of the mirror's entries, not of upstream archives.\n";
        ChartIndex index = ChartIndex.Empty();
        if (File.Exists(path))
        {
            string text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            try
            {
                index = ChartIndex.Parse(text, mirror.Display(path));
            }
            catch (ChartIndexException malformed)
            {
                throw SlipwayException.Input($"{malformed.Message}. Fix or remove that index, then publish again.");
            }

            header = string.Concat(text.Split('\n').TakeWhile(l => l.StartsWith('#')).Select(l => l + "\n"));
        }

        string created = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        string digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{chart}-{version}")));
        string url = repository.StartsWith("oci://", StringComparison.OrdinalIgnoreCase)
            ? $"{repository.TrimEnd('/')}/{chart}:{version}"
            : $"{repository.TrimEnd('/')}/{chart}-{version}.tgz";
        index.Add(new ChartEntry(chart, version, version, created, digest, [url]), created);
        await AtomicFile.WriteAllTextAsync(path, index.Write(header), cancellationToken).ConfigureAwait(false);
        return path;
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9._]*[a-z0-9])?$")]
    private static partial Regex ChartName();
}
