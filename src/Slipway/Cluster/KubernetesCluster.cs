using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Polly;

namespace Slipway.Cluster;

/// <summary>
/// The one place that knows KubernetesClient. Reads retry on 5xx, 429 and timeouts (bounded, with backoff, honouring
/// Retry-After); the patches Slipway writes retry only when the server refused them (429, 409), never on 5xx or a timeout.
/// Every call has the target's request timeout and honours the cancellation token; failures name the API server and the call.
/// </summary>
public sealed partial class KubernetesCluster : IClusterReader, IClusterCustomObjects, IClusterLeases, IDisposable
{
    private const string FieldManager = "slipway";
    private readonly Kubernetes _client;
    private readonly ResiliencePipeline _readRetry;
    private readonly ResiliencePipeline _writeRetry;
    private readonly int _readAttempts;
    private readonly string _server;

    /// <param name="target">The cluster.</param>
    /// <param name="readAttempts">Tries of a read (and of a refused write) before it fails; 1 = no retry.</param>
    /// <param name="log">Where retries are reported (as warnings).</param>
    public KubernetesCluster(ClusterTarget target, int readAttempts = 4, ILog? log = null)
    {
        Target = target;
        KubernetesClientConfiguration configuration = target.Url is not null
            ? new KubernetesClientConfiguration { Host = target.Url.ToString() }
            : LoadKubeconfig(target);
        configuration.HttpClientTimeout = target.RequestTimeout;
        _client = new Kubernetes(configuration);
        _server = target.Url is not null ? target.Url.ToString() : $"{configuration.Host} ({target})";
        _readAttempts = Math.Max(1, readAttempts);
        _readRetry = RetryPipeline(_readAttempts, IsTransient, log ?? NullLog.Instance);
        _writeRetry = RetryPipeline(_readAttempts, IsRefusedWrite, log ?? NullLog.Instance);
    }

    public ClusterTarget Target { get; }

    public async Task<IReadOnlyList<V1Node>> ListNodesAsync(CancellationToken cancellationToken)
        => (await ReadAsync("list nodes", ct => GetListAsync<V1NodeList>("api/v1/nodes", null, ct), cancellationToken).ConfigureAwait(false)).Items.ToList();

    public async Task<IReadOnlyList<V1Deployment>> ListDeploymentsAsync(string @namespace, CancellationToken cancellationToken)
        => (await ReadAsync($"list deployments in {@namespace}", ct => GetListAsync<V1DeploymentList>(DeploymentsPath(@namespace), null, ct), cancellationToken).ConfigureAwait(false)).Items.ToList();

    public async Task<IReadOnlyList<V1Pod>> ListPodsAsync(string @namespace, CancellationToken cancellationToken)
        => (await ReadAsync($"list pods in {@namespace}", ct => GetListAsync<V1PodList>(PodsPath(@namespace), null, ct), cancellationToken).ConfigureAwait(false)).Items.ToList();

    public async Task<IReadOnlyList<JsonElement>> ListCustomObjectsAsync(CustomResource resource, string @namespace, CancellationToken cancellationToken)
    {
        try
        {
            object list = await ReadAsync(
                $"list {resource.Plural} in {@namespace}",
                ct => _client.CustomObjects.ListNamespacedCustomObjectAsync(resource.Group, resource.Version, @namespace, resource.Plural, cancellationToken: ct),
                cancellationToken).ConfigureAwait(false);
            JsonElement element = ToElement(list);
            return element.TryGetProperty("items", out JsonElement items) && items.ValueKind == JsonValueKind.Array
                ? items.EnumerateArray().Select(static i => i.Clone()).ToList()
                : [];
        }
        catch (SlipwayException ex) when (ex.InnerException is HttpOperationException { Response.StatusCode: HttpStatusCode.NotFound })
        {
            return []; // the kind is not installed (no Flux, or no Argo CD, in this cluster)
        }
    }

    public async Task<JsonElement?> GetCustomObjectAsync(CustomResource resource, string @namespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            object found = await ReadAsync(
                $"get {resource.Plural} {@namespace}/{name}",
                ct => _client.CustomObjects.GetNamespacedCustomObjectAsync(resource.Group, resource.Version, @namespace, resource.Plural, name, cancellationToken: ct),
                cancellationToken).ConfigureAwait(false);
            return ToElement(found);
        }
        catch (SlipwayException ex) when (ex.InnerException is HttpOperationException { Response.StatusCode: HttpStatusCode.NotFound })
        {
            return null;
        }
    }

    public async Task<V1Lease?> ReadLeaseAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadAsync($"get lease {@namespace}/{name}", ct => _client.CoordinationV1.ReadNamespacedLeaseAsync(name, @namespace, cancellationToken: ct), cancellationToken).ConfigureAwait(false);
        }
        catch (SlipwayException ex) when (ex.InnerException is HttpOperationException { Response.StatusCode: HttpStatusCode.NotFound })
        {
            return null;
        }
    }

    public async Task EnsureNamespaceAsync(string @namespace, CancellationToken cancellationToken)
    {
        try
        {
            await _client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = @namespace } }, fieldManager: FieldManager, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.Conflict)
        {
            // it exists
        }
        catch (Exception ex) when (ex is HttpOperationException or HttpRequestException || IsTimeout(ex, cancellationToken))
        {
            throw Failure($"create namespace {@namespace}", ex, attempts: 1);
        }
    }

    public async Task ApplyCustomObjectAsync(CustomResource resource, string @namespace, string name, JsonObject manifest, CancellationToken cancellationToken)
    {
        var patch = new V1Patch(manifest.ToJsonString(), V1Patch.PatchType.ApplyPatch);
        await WriteAsync(
            $"apply {resource.Kind} {@namespace}/{name}",
            ct => _client.CustomObjects.PatchNamespacedCustomObjectAsync(patch, resource.Group, resource.Version, @namespace, resource.Plural, name, fieldManager: FieldManager, force: true, cancellationToken: ct),
            cancellationToken).ConfigureAwait(false);
    }

    public async Task MergePatchCustomObjectAsync(CustomResource resource, string @namespace, string name, JsonObject patch, CancellationToken cancellationToken)
    {
        var body = new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch);
        await WriteAsync(
            $"patch {resource.Kind} {@namespace}/{name}",
            ct => _client.CustomObjects.PatchNamespacedCustomObjectAsync(body, resource.Group, resource.Version, @namespace, resource.Plural, name, fieldManager: FieldManager, cancellationToken: ct),
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<V1Lease?> TryCreateLeaseAsync(V1Lease lease, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.CoordinationV1.CreateNamespacedLeaseAsync(lease, lease.Metadata.NamespaceProperty, fieldManager: FieldManager, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.Conflict)
        {
            return null;
        }
        catch (Exception ex) when (ex is HttpOperationException or HttpRequestException || IsTimeout(ex, cancellationToken))
        {
            throw Failure($"create lease {lease.Metadata.NamespaceProperty}/{lease.Metadata.Name}", ex, attempts: 1);
        }
    }

    public async Task<V1Lease?> TryReplaceLeaseAsync(V1Lease lease, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, lease.Metadata.Name, lease.Metadata.NamespaceProperty, fieldManager: FieldManager, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (Exception ex) when (ex is HttpOperationException or HttpRequestException || IsTimeout(ex, cancellationToken))
        {
            throw Failure($"update lease {lease.Metadata.NamespaceProperty}/{lease.Metadata.Name}", ex, attempts: 1);
        }
    }

    public async Task DeleteLeaseAsync(V1Lease lease, CancellationToken cancellationToken)
    {
        try
        {
            var options = new V1DeleteOptions { Preconditions = new V1Preconditions { ResourceVersion = lease.Metadata.ResourceVersion } };
            await _client.CoordinationV1.DeleteNamespacedLeaseAsync(lease.Metadata.Name, lease.Metadata.NamespaceProperty, body: options, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
        {
            // gone already, or taken over by another run: not ours to delete
        }
        catch (Exception ex) when (ex is HttpOperationException or HttpRequestException || IsTimeout(ex, cancellationToken))
        {
            throw Failure($"delete lease {lease.Metadata.NamespaceProperty}/{lease.Metadata.Name}", ex, attempts: 1);
        }
    }

    public void Dispose() => _client.Dispose();

    private async Task<T> ReadAsync<T>(string what, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await ExecuteAsync(_readRetry, what, call, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpOperationException or HttpRequestException || IsTimeout(ex, cancellationToken))
        {
            throw Failure(what, ex, IsTransient(ex) ? _readAttempts : 1);
        }
    }

    private async Task WriteAsync<T>(string what, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteAsync(_writeRetry, what, call, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpOperationException or HttpRequestException || IsTimeout(ex, cancellationToken))
        {
            throw Failure(what, ex, IsRefusedWrite(ex) ? _readAttempts : 1);
        }
    }

    private SlipwayException Failure(string what, Exception ex, int attempts)
    {
        string tries = attempts > 1 ? $" after {attempts} attempts" : string.Empty;
        string advice = ex is HttpOperationException { Response.StatusCode: HttpStatusCode.Conflict }
            ? "Another writer keeps changing it: find it (kubectl " + Target.KubectlArguments + " get events) and run again."
            : $"Check that the cluster is reachable (kubectl {Target.KubectlArguments} get nodes) and run again.";
        return new SlipwayException(FailureKind.Failed, $"The cluster API at {_server} failed to {what}{tries}: {Detail(ex)}. {advice}", ex);
    }

    private static string StatusMessage(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return "(no body)";
        }

        try
        {
            using JsonDocument status = JsonDocument.Parse(content);
            return status.RootElement.TryGetProperty("message", out JsonElement message) ? message.GetString() ?? content : content;
        }
        catch (JsonException)
        {
            return content.Length > 300 ? content[..300] : content;
        }
    }

    private static bool IsTimeout(Exception ex, CancellationToken cancellationToken)
        => ex is TaskCanceledException or TimeoutException && !cancellationToken.IsCancellationRequested;

    private static JsonElement ToElement(object value) => value switch
    {
        JsonElement element => element,
        _ => JsonSerializer.SerializeToElement(value),
    };

    private static KubernetesClientConfiguration LoadKubeconfig(ClusterTarget target)
    {
        string path = target.Kubeconfig!.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), target.Kubeconfig[2..])
            : target.Kubeconfig;
        if (!File.Exists(path))
        {
            throw SlipwayException.Input($"The kubeconfig {path} does not exist. Point cluster.kubeconfig at a kubeconfig file (az aks get-credentials writes ~/.kube/config).");
        }

        try
        {
            return KubernetesClientConfiguration.BuildConfigFromConfigFile(path, target.Context);
        }
        catch (Exception ex) when (ex is k8s.Exceptions.KubeConfigException or ArgumentException or IOException)
        {
            throw new SlipwayException(FailureKind.Input, $"Cannot use kubeconfig {path} (context {target.Context ?? "current"}): {ex.Message}", ex);
        }
    }
}
