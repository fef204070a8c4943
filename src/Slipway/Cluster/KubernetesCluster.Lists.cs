using System.Text.Json;
using k8s;
using k8s.Autorest;
using Slipway.Verification;

namespace Slipway.Cluster;

// The list calls: Verify's (IRolloutReader: only the fields the rollout rules use) and the raw GET under them.
public sealed partial class KubernetesCluster : IRolloutReader
{
    public async Task<IReadOnlyList<NodeStatus>> ListNodesForRolloutAsync(CancellationToken cancellationToken)
        => (await ReadAsync("list nodes", ct => GetListAsync<RolloutList<NodeStatus>>("api/v1/nodes", RolloutFields.Options, ct), cancellationToken).ConfigureAwait(false)).Items ?? [];

    public async Task<IReadOnlyList<DeploymentStatus>> ListDeploymentsForRolloutAsync(string @namespace, CancellationToken cancellationToken)
        => (await ReadAsync($"list deployments in {@namespace}", ct => GetListAsync<RolloutList<DeploymentStatus>>(DeploymentsPath(@namespace), RolloutFields.Options, ct), cancellationToken).ConfigureAwait(false)).Items ?? [];

    public async Task<IReadOnlyList<PodStatus>> ListPodsForRolloutAsync(string @namespace, CancellationToken cancellationToken)
        => (await ReadAsync($"list pods in {@namespace}", ct => GetListAsync<RolloutList<PodStatus>>(PodsPath(@namespace), RolloutFields.Options, ct), cancellationToken).ConfigureAwait(false)).Items ?? [];

    public async Task<IReadOnlyList<HelmReleaseStatus>> ListHelmReleasesForRolloutAsync(string @namespace, CancellationToken cancellationToken)
        => [.. (await ListCustomObjectsAsync(CustomResource.HelmRelease, @namespace, cancellationToken).ConfigureAwait(false)).Select(RolloutCustomObjects.HelmRelease)];

    public async Task<IReadOnlyList<ApplicationStatus>> ListApplicationsForRolloutAsync(string @namespace, CancellationToken cancellationToken)
        => [.. (await ListCustomObjectsAsync(CustomResource.Application, @namespace, cancellationToken).ConfigureAwait(false)).Select(RolloutCustomObjects.Application)];

    private static string DeploymentsPath(string @namespace) => $"apis/apps/v1/namespaces/{Uri.EscapeDataString(@namespace)}/deployments";

    private static string PodsPath(string @namespace) => $"api/v1/namespaces/{Uri.EscapeDataString(@namespace)}/pods";

    /// <summary>
    /// GETs a list through the client's own HttpClient and credentials, and deserializes the buffered UTF-8 body with the
    /// client's serializer (or <paramref name="options"/>). The generated <c>List…Async</c> methods first turn the body into a string, which doubles the
    /// cost of a large list (10,000 pods: ~320 ms against ~160 ms). Errors are the client's <see cref="HttpOperationException"/>,
    /// so retries and messages are the same as for the generated methods.
    /// </summary>
    private async Task<T> GetListAsync<T>(string relativePath, JsonSerializerOptions? options, CancellationToken cancellationToken)
    {
        // The generated methods apply the request timeout themselves; this raw path has to do the same.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Target.RequestTimeout);
        try
        {
            return await GetListWithinAsync<T>(relativePath, options, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"GET {relativePath} had no answer within {Target.RequestTimeout.TotalSeconds:0.#}s.", ex);
        }
    }

    private async Task<T> GetListWithinAsync<T>(string relativePath, JsonSerializerOptions? options, CancellationToken cancellationToken)
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

        using Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return options is null
            ? KubernetesJson.Deserialize<T>(body)
            : JsonSerializer.Deserialize<T>(body, options) ?? throw new JsonException($"The cluster answered GET {relativePath} with null.");
    }
}
