using System.Text.Json;
using k8s;
using k8s.Autorest;
using Slipway.Verification;

namespace Slipway.Cluster;

// The list calls: Verify's (IRolloutReader: only the fields the rollout rules use) and the raw GET under them.
public sealed partial class KubernetesCluster : IRolloutReader
{
    public Task<IReadOnlyList<NodeStatus>> ListNodesForRolloutAsync(CancellationToken cancellationToken)
        => ReadAsync("list nodes", ct => GetRolloutListAsync("api/v1/nodes", NodeStatusReader.Read, ct), cancellationToken);

    public Task<IReadOnlyList<DeploymentStatus>> ListDeploymentsForRolloutAsync(string @namespace, CancellationToken cancellationToken)
        => ReadAsync($"list deployments in {@namespace}", ct => GetRolloutListAsync(DeploymentsPath(@namespace), DeploymentStatusReader.Read, ct), cancellationToken);

    /// <summary>The pods of a namespace; a failing one (see <see cref="RolloutRules.PodProblem"/>) carries its newest Warning Event.</summary>
    public async Task<IReadOnlyList<PodStatus>> ListPodsForRolloutAsync(string @namespace, CancellationToken cancellationToken)
    {
        IReadOnlyList<PodStatus> pods = await ReadAsync($"list pods in {@namespace}", ct => GetRolloutListAsync(PodsPath(@namespace), PodStatusReader.Read, ct), cancellationToken).ConfigureAwait(false);
        return pods.Any(p => RolloutRules.PodProblem(p) is not null) ? await WithLastWarningsAsync(@namespace, pods, cancellationToken).ConfigureAwait(false) : pods;
    }

    public async Task<IReadOnlyList<HelmReleaseStatus>> ListHelmReleasesForRolloutAsync(string @namespace, CancellationToken cancellationToken)
        => [.. (await ListCustomObjectsAsync(CustomResource.HelmRelease, @namespace, cancellationToken).ConfigureAwait(false)).Select(RolloutCustomObjects.HelmRelease)];

    public async Task<IReadOnlyList<ApplicationStatus>> ListApplicationsForRolloutAsync(string @namespace, CancellationToken cancellationToken)
        => [.. (await ListCustomObjectsAsync(CustomResource.Application, @namespace, cancellationToken).ConfigureAwait(false)).Select(RolloutCustomObjects.Application)];

    private static string DeploymentsPath(string @namespace) => $"apis/apps/v1/namespaces/{Uri.EscapeDataString(@namespace)}/deployments";

    private static string PodsPath(string @namespace) => $"api/v1/namespaces/{Uri.EscapeDataString(@namespace)}/pods";

    /// <summary>
    /// GETs a list through the client's own HttpClient and credentials, and deserializes the buffered UTF-8 body with the
    /// client's serializer (or <paramref name="options"/>). The generated <c>List…Async</c> methods first turn the body into a string, which doubles the
    /// cost of a large list (10,000 pods: ~320 ms against ~160 ms).
    /// </summary>
    private Task<T> GetListAsync<T>(string relativePath, JsonSerializerOptions? options, CancellationToken cancellationToken)
        => GetAsync(
            relativePath,
            async (content, ct) =>
            {
                using Stream body = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
                return options is null
                    ? KubernetesJson.Deserialize<T>(body)
                    : JsonSerializer.Deserialize<T>(body, options) ?? throw new JsonException($"The cluster answered GET {relativePath} with null.");
            },
            cancellationToken);

    /// <summary>GETs a list as <see cref="GetListAsync"/> does, and reads its items with <paramref name="read"/> (see <see cref="RolloutFields"/>).</summary>
    private Task<IReadOnlyList<T>> GetRolloutListAsync<T>(string relativePath, RolloutFields.ItemReader<T> read, CancellationToken cancellationToken)
        => GetAsync(relativePath, async (content, ct) => RolloutFields.ReadList(await content.ReadAsByteArrayAsync(ct).ConfigureAwait(false), read), cancellationToken);

    /// <summary>
    /// GETs <paramref name="relativePath"/> and reads the buffered body with <paramref name="read"/>, within the target's
    /// request timeout. Errors are the client's <see cref="HttpOperationException"/>, so retries and messages are the same
    /// as for the generated methods.
    /// </summary>
    private async Task<T> GetAsync<T>(string relativePath, Func<HttpContent, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        // The generated methods apply the request timeout themselves; this raw path has to do the same.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Target.RequestTimeout);
        try
        {
            return await GetWithinAsync(relativePath, read, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"GET {relativePath} had no answer within {Target.RequestTimeout.TotalSeconds:0.#}s.", ex);
        }
    }

    private async Task<T> GetWithinAsync<T>(string relativePath, Func<HttpContent, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        string baseUrl = _client.BaseUri.AbsoluteUri;
        var url = new Uri(new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/"), relativePath);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (_client.Credentials is not null)
        {
            await _client.Credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }

        // ResponseContentRead: the whole body arrives within the client's request timeout, as with the generated methods.
        using HttpResponseMessage response = await _client.HttpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            string content = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new HttpOperationException($"Operation returned an invalid status code '{response.StatusCode}'")
            {
                Request = new HttpRequestMessageWrapper(request, null),
                Response = new HttpResponseMessageWrapper(response, content),
            };
        }

        return await read(response.Content, cancellationToken).ConfigureAwait(false);
    }
}
