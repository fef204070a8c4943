using System.Net;
using System.Text.RegularExpressions;
using k8s;
using k8s.Autorest;
using Slipway.Cluster;
using Slipway.Tests.Support;

namespace Slipway.Tests.Cluster.Faults;

/// <summary>
/// Slipway's cluster adapter, through a kubeconfig, against the real local cluster behind a <see cref="FaultProxy"/>: 500s,
/// 429 with Retry-After, an API slower than the request timeout, 409 on a write. Reads are retried, writes only when the
/// server refused them; every failure names the API server, the call and the answer.
/// </summary>
public sealed partial class ClusterApiFaultTests : IClassFixture<LocalClusterFixture>, IAsyncLifetime
{
    private const string Nodes = "/api/v1/nodes";
    private const string Secrets = "/api/v1/namespaces/faults/secrets/";
    private readonly LocalClusterFixture _cluster;
    private readonly TempDirectory _temp = new("slipway-faults");
    private FaultProxy _proxy = null!;
    private string _kubeconfig = null!;

    public ClusterApiFaultTests(LocalClusterFixture cluster)
    {
        _cluster = cluster;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _proxy = await FaultProxy.StartAsync(_cluster.Handle.BaseAddress);
        _kubeconfig = await _proxy.WriteKubeconfigAsync(_temp.Path);
    }

    public async ValueTask DisposeAsync()
    {
        await _proxy.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task A_read_answered_500_twice_is_retried_and_succeeds()
    {
        _proxy.Inject(ApiFault.Answer("GET", Nodes, HttpStatusCode.InternalServerError, times: 2));
        var log = new RecordingLog();
        using KubernetesCluster cluster = Connect(log: log);

        IReadOnlyList<k8s.Models.V1Node> nodes = await cluster.ListNodesAsync(Ct);

        nodes.ShouldNotBeEmpty();
        _proxy.Requests.Where(static r => r.Path == Nodes).Select(static r => r.Status).ShouldBe([500, 500, 200]);
        log.Lines.Count(static l => l.Contains("did not list nodes (500 Internal Server Error: injected fault); trying again", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Fact]
    public async Task A_read_answered_500_every_time_fails_naming_the_server_the_call_and_the_status()
    {
        _proxy.Inject(ApiFault.Answer("GET", Nodes, HttpStatusCode.InternalServerError));
        using KubernetesCluster cluster = Connect();

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => cluster.ListNodesAsync(Ct));

        error.Kind.ShouldBe(FailureKind.Failed);
        error.Message.ShouldStartWith($"The cluster API at {_proxy.BaseAddress.GetLeftPart(UriPartial.Authority)}");
        error.Message.ShouldContain($"({_kubeconfig} (current context))");
        error.Message.ShouldContain("failed to list nodes after 4 attempts: 500 Internal Server Error: injected fault.");
        error.Message.ShouldContain($"kubectl --kubeconfig {_kubeconfig} get nodes");
        ExceptionTypeName().IsMatch(error.Message).ShouldBeFalse(error.Message);
        _proxy.Requests.Count(static r => r.Path == Nodes).ShouldBe(4);
    }

    [Fact]
    public async Task A_read_answered_429_waits_as_long_as_Retry_After_says_and_then_succeeds()
    {
        _proxy.Inject(ApiFault.Answer("GET", Nodes, HttpStatusCode.TooManyRequests, times: 1) with { RetryAfter = 2 });
        var log = new RecordingLog();
        using KubernetesCluster cluster = Connect(log: log);

        await cluster.ListNodesAsync(Ct);

        ProxiedRequest[] calls = [.. _proxy.Requests.Where(static r => r.Path == Nodes)];
        calls.Select(static r => r.Status).ShouldBe([429, 200]);
        log.Lines.ShouldContain(static l => l.Contains("(429 Too Many Requests: injected fault; Retry-After 2s); trying again in 2.0s", StringComparison.Ordinal));
        // A lower bound only: the retry may come later on a busy machine, never sooner than the server asked.
        (calls[1].ArrivedAt - calls[0].ArrivedAt).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1.9));
    }

    [Theory]
    [InlineData("7", 7.0)]
    [InlineData("3600", 30.0)] // bounded: a server asking for an hour gets MaxRetryAfter
    [InlineData("-5", null)]
    [InlineData("soon", null)]
    public void Retry_After_is_read_in_seconds_and_bounded(string header, double? seconds)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", header);
        var error = new HttpOperationException("429") { Response = new HttpResponseMessageWrapper(response, string.Empty) };

        TimeSpan? wait = KubernetesCluster.RetryAfter(error);

        wait.ShouldBe(seconds is null ? null : TimeSpan.FromSeconds(seconds.Value));
    }

    [Fact]
    public void Retry_After_as_an_HTTP_date_is_the_time_until_then()
    {
        var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddHours(1));
        var error = new HttpOperationException("503") { Response = new HttpResponseMessageWrapper(response, string.Empty) };

        KubernetesCluster.RetryAfter(error).ShouldBe(KubernetesCluster.MaxRetryAfter);
    }

    [Fact]
    public async Task A_read_slower_than_the_request_timeout_fails_naming_the_call_and_the_timeout()
    {
        _proxy.Inject(new ApiFault("GET", Nodes) { Delay = TimeSpan.FromSeconds(20) });
        using KubernetesCluster cluster = Connect(timeout: TimeSpan.FromMilliseconds(500), attempts: 2);

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => cluster.ListNodesAsync(Ct));

        error.Kind.ShouldBe(FailureKind.Failed);
        error.Message.ShouldContain($"The cluster API at {_proxy.BaseAddress.GetLeftPart(UriPartial.Authority)}");
        error.Message.ShouldContain("failed to list nodes after 2 attempts: no answer within 0.5s (the request timeout).");
    }

    [Fact]
    public async Task A_write_answered_409_is_applied_again_and_lands()
    {
        _proxy.Inject(ApiFault.Answer("PATCH", Secrets + "conflicted", HttpStatusCode.Conflict, times: 1) with { Message = "Operation cannot be fulfilled: the object has been modified" });
        var log = new RecordingLog();
        using KubernetesCluster cluster = Connect(log: log);
        await cluster.EnsureNamespaceAsync("faults", Ct);

        await cluster.ApplySecretAsync("faults", "conflicted", new Dictionary<string, string>(), new Dictionary<string, string> { ["a"] = "1" }, Ct);

        int[] patches = [.. _proxy.Requests.Where(static r => r.Method == "PATCH").Select(static r => r.Status)];
        patches.Length.ShouldBe(2);
        patches[0].ShouldBe(409);
        patches[1].ShouldBeInRange(200, 201);
        log.Lines.ShouldContain(static l => l.Contains("did not apply Secret faults/conflicted (409 Conflict", StringComparison.Ordinal));
        using var direct = new Kubernetes(new KubernetesClientConfiguration { Host = _cluster.Handle.BaseAddress.ToString() });
        (await direct.CoreV1.ReadNamespacedSecretAsync("conflicted", "faults", cancellationToken: Ct)).Data["a"].ShouldBe("1"u8.ToArray());
    }

    [Fact]
    public async Task A_write_that_keeps_conflicting_fails_saying_another_writer_changes_it()
    {
        _proxy.Inject(ApiFault.Answer("PATCH", Secrets + "contended", HttpStatusCode.Conflict));
        using KubernetesCluster cluster = Connect(attempts: 3);
        await cluster.EnsureNamespaceAsync("faults", Ct);

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => cluster.ApplySecretAsync("faults", "contended", new Dictionary<string, string>(), new Dictionary<string, string> { ["a"] = "1" }, Ct));

        error.Message.ShouldContain("failed to apply Secret faults/contended after 3 attempts: 409 Conflict");
        error.Message.ShouldContain("Another writer keeps changing it");
        _proxy.Requests.Count(static r => r.Method == "PATCH").ShouldBe(3);
    }

    [Fact]
    public async Task A_write_answered_500_is_not_repeated_because_it_may_have_happened()
    {
        _proxy.Inject(ApiFault.Answer("PATCH", Secrets + "maybe", HttpStatusCode.InternalServerError));
        using KubernetesCluster cluster = Connect();
        await cluster.EnsureNamespaceAsync("faults", Ct);

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => cluster.ApplySecretAsync("faults", "maybe", new Dictionary<string, string>(), new Dictionary<string, string> { ["a"] = "1" }, Ct));

        error.Message.ShouldContain("failed to apply Secret faults/maybe: 500 Internal Server Error: injected fault.");
        _proxy.Requests.Count(static r => r.Method == "PATCH").ShouldBe(1);
    }

    private KubernetesCluster Connect(ILog? log = null, TimeSpan? timeout = null, int attempts = 4)
        => new(ClusterTarget.ForKubeconfig(_kubeconfig, null) with { RequestTimeout = timeout ?? TimeSpan.FromSeconds(30) }, attempts, log);

    [GeneratedRegex(@"\b[A-Z]\w*Exception\b")]
    private static partial Regex ExceptionTypeName();
}
