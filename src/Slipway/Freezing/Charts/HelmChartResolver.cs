using System.Collections.Concurrent;
using System.Net;
using Slipway.Environments;
using Slipway.Freezing.Http;
using Slipway.Freezing.Images;

namespace Slipway.Freezing.Charts;

/// <summary>
/// Resolves chart ranges against Helm repositories: the repository's <c>index.yaml</c> over HTTP(S) or from a local path,
/// or the tags of an <c>oci://</c> repository (<c>GET /v2/&lt;path&gt;/&lt;chart&gt;/tags/list</c>), through the
/// <see cref="MirrorMap"/>. Each index is fetched once per instance however many calls ask for it at once (the first
/// call starts the fetch, the others wait for it; a caller's cancellation stops its wait, not the shared fetch, which
/// the request timeout bounds).
/// </summary>
public sealed class HelmChartResolver : IChartResolver
{
    private const string Repository = "the chart repository";

    private readonly ResolverHttp _http;
    private readonly MirrorMap _mirrors;
    private readonly string _baseDirectory;
    private readonly OciTagLister _oci;
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyDictionary<string, IReadOnlyList<string>>>>> _indexes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<string>>>> _ociTags = new(StringComparer.Ordinal);

    /// <param name="client">The client to ask with (its <see cref="HttpClient.Timeout"/> applies on top of <paramref name="options"/>).</param>
    /// <param name="mirrors">Where to ask instead of an upstream repository.</param>
    /// <param name="log">Where retries are reported.</param>
    /// <param name="options">Timeout and attempts; <see cref="ResolverHttpOptions.Default"/> when null.</param>
    /// <param name="baseDirectory">What a local repository path is relative to; the current directory when null.</param>
    /// <param name="credentials">Logins for the registries of <c>oci://</c> repositories (by host); none when null.</param>
    public HelmChartResolver(HttpClient client, MirrorMap mirrors, ILog? log = null, ResolverHttpOptions? options = null, string? baseDirectory = null, RegistryCredentials? credentials = null)
    {
        _http = new ResolverHttp(client, options ?? ResolverHttpOptions.Default, log ?? NullLog.Instance);
        _mirrors = mirrors;
        _baseDirectory = baseDirectory ?? Directory.GetCurrentDirectory();
        _oci = new OciTagLister(new OciRegistryClient(_http, credentials ?? RegistryCredentials.None, log ?? NullLog.Instance));
    }

    public async Task<ResolvedChart> ResolveAsync(ChartRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            throw SlipwayException.Input($"A chart of repository '{request.Repository}' has no name.");
        }

        ChartVersionChoice.Parse(request); // a bad range is reported before anything is fetched
        ChartIndexSource source = ChartIndexSource.Locate(request.Repository, _mirrors, _baseDirectory);
        IReadOnlyList<string> versions;
        if (source.OciRepository is { } oci)
        {
            string key = oci.AbsoluteUri.TrimEnd('/') + "/" + request.Name;
            versions = await _ociTags.GetOrAdd(key, _ => new(() => _oci.ListAsync(oci, request.Name)))
                .Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            IReadOnlyDictionary<string, IReadOnlyList<string>> index = await _indexes.GetOrAdd(source.Display, _ => new(() => LoadAsync(source)))
                .Value.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (!index.TryGetValue(request.Name, out IReadOnlyList<string>? listed))
            {
                throw SlipwayException.Input($"Chart '{request.Name}' is not in {source.Display}{Similar(request.Name, index.Keys)}.");
            }

            versions = listed;
        }

        string version = ChartVersionChoice.Choose(request, versions, source.Display);
        return new ResolvedChart(request.Name, request.Repository, request.Range, version, source.Display);
    }

    /// <summary>The index as chart name → version strings; read and parsed once, on the thread pool.</summary>
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> LoadAsync(ChartIndexSource source)
    {
        string text = source.File is { } file ? await ReadFileAsync(file).ConfigureAwait(false) : await DownloadAsync(source.Url!).ConfigureAwait(false);
        return await Task.Run(() =>
        {
            ChartIndex index;
            try
            {
                index = ChartIndex.Parse(text, source.Display);
            }
            catch (ChartIndexException malformed)
            {
                throw SlipwayException.Input($"Malformed chart repository index: {malformed.Message}");
            }

            return (IReadOnlyDictionary<string, IReadOnlyList<string>>)index.Charts.ToDictionary(
                static name => name,
                name => (IReadOnlyList<string>)[.. index.Versions(name)!.Select(static e => e.Version)],
                StringComparer.Ordinal);
        }).ConfigureAwait(false);
    }

    private static async Task<string> ReadFileAsync(string file)
    {
        if (!File.Exists(file))
        {
            throw SlipwayException.Input($"There is no chart repository index at {file} (a local repository is an index.yaml file or a folder holding one).");
        }

        return await File.ReadAllTextAsync(file).ConfigureAwait(false);
    }

    private async Task<string> DownloadAsync(Uri url)
    {
        using HttpResponseMessage response = await _http.SendAsync(HttpMethod.Get, url, null, Repository, CancellationToken.None).ConfigureAwait(false);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => await response.Content.ReadAsStringAsync().ConfigureAwait(false),
            HttpStatusCode.NotFound => throw SlipwayException.Input($"There is no chart repository index at {url} (404 Not Found): check the repository URL, or the mirror that maps it."),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => throw SlipwayException.Input(
                $"The chart repository at {url} refused the index ({(int)response.StatusCode} {response.ReasonPhrase}); repositories that need credentials are not supported: mirror it."),
            _ => throw ResolverHttp.Unexpected(response, Repository),
        };
    }

    private static string Similar(string name, IEnumerable<string> charts)
    {
        List<string> similar = [.. charts.Where(c => c.Contains(name, StringComparison.OrdinalIgnoreCase) || name.Contains(c, StringComparison.OrdinalIgnoreCase)).Take(3)];
        if (NameSuggester.Closest(name, charts) is { } closest && !similar.Contains(closest))
        {
            similar.Insert(0, closest);
        }

        return similar.Count > 0 ? $" (similar names there: {string.Join(", ", similar)})" : " (nothing with a similar name is there)";
    }
}
