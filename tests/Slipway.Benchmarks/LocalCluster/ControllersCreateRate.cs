using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Slipway.BuildTools.Benchmarks;
using Slipway.LocalCluster.Controllers;
using Slipway.LocalCluster.Hosting;

namespace Slipway.Benchmarks.LocalCluster;

/// <summary>
/// Creates with managedFields and events on (issue 17: ≥ 1,000/s): a cluster with every controller running, pods posted as a
/// ReplicaSet posts them (no node, no status, a published image), so that for each the scheduler binds it and writes
/// <c>Scheduled</c>, and the kubelet writes <c>Pulled</c>, <c>Created</c>, <c>Started</c> and the status that makes it Ready.
/// Two figures: the client's create rate while all that runs (issue 17's "creates with managedFields and events on"), and the
/// rate at which pods are created <em>and</em> Ready with their Events written, timed until the last one is: the
/// controllers' own pace, which a client's rate alone can outrun (recorded beside it, without a goal).
/// The run fails when a pod never gets Ready or its Events are missing: a rate of work not done is no figure.
/// </summary>
internal static class ControllersCreateRate
{
    private const string Namespace = "default";
    private static readonly TimeSpan s_settleTimeout = TimeSpan.FromMinutes(3);

    public static async Task MeasureAsync(string root, int podCount)
    {
        var options = new LocalClusterOptions
        {
            StateDirectory = Path.Combine(root, "controllers"),
            Controllers = LocalClusterControllers.All,

            // The simulated container start (300 ms by default) is a wait, not work: without it the figure is the rate at
            // which the server and the controllers get through the work of each pod, not that rate plus a fixed latency.
            PodReadyDelay = TimeSpan.Zero,
        };
        await using LocalClusterHandle cluster = await LocalClusterHost.StartAsync(options, CancellationToken.None);
        await cluster.Images.PublishAsync("registry.local/web", "bench-1", crash: false, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = cluster.BaseAddress };

        var stopwatch = Stopwatch.StartNew();
        for (int i = 0; i < podCount; i++)
        {
            using var content = new StringContent(PodTemplate.Replace("@NAME@", $"web-{i:D6}", StringComparison.Ordinal), Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using HttpResponseMessage response = await http.PostAsync($"/api/v1/namespaces/{Namespace}/pods", content);
            response.EnsureSuccessStatusCode();
        }

        double clientRate = podCount / stopwatch.Elapsed.TotalSeconds;
        await WaitUntilReadyAsync(http, podCount, stopwatch);
        double settledRate = podCount / stopwatch.Elapsed.TotalSeconds;
        int events = await CountStartedEventsAsync(http);
        if (events < podCount)
        {
            throw new InvalidOperationException($"{podCount} pods are Ready but only {events} Started events were written");
        }

        Console.WriteLine($"local cluster creates with the controllers on: client {clientRate:0}/s, created and Ready with their events {settledRate:0}/s over {podCount} pods (target >= 1000/s)");
        BenchmarkRecorder.Record(new BenchmarkMeasure
        {
            Name = "local-cluster.creates-controllers",
            Title = $"creates per second, one client, raw HTTP, managedFields recorded, every controller on and writing Events ({podCount:N0} pods)",
            Unit = "/s",
            Kind = FigureKind.InProcess,
            HigherIsBetter = true,
            Value = clientRate,
            Goals = [BenchmarkGoal.AtLeast(1000)],
        });
        BenchmarkRecorder.Record(new BenchmarkMeasure
        {
            Name = "local-cluster.pods-ready-controllers",
            Title = $"the same pods created and Ready with their Events written (scheduler and kubelet done: 7 more writes each), until the last",
            Unit = "/s",
            Kind = FigureKind.InProcess,
            HigherIsBetter = true,
            Value = settledRate,
        });
    }

    /// <summary>
    /// Waits for the last pod created to be Ready (one small GET every 20 ms, so that waiting takes little from the work it
    /// waits for), then checks every pod, and goes on checking every 250 ms until all are.
    /// </summary>
    private static async Task WaitUntilReadyAsync(HttpClient http, int podCount, Stopwatch stopwatch)
    {
        string last = $"/api/v1/namespaces/{Namespace}/pods/web-{podCount - 1:D6}";
        while (true)
        {
            using (JsonDocument pod = JsonDocument.Parse(await http.GetByteArrayAsync(last)))
            {
                if (IsReady(pod.RootElement))
                {
                    break;
                }
            }

            ThrowIfLate(stopwatch, "the last pod");
            await Task.Delay(20);
        }

        while (true)
        {
            int ready;
            using (JsonDocument pods = JsonDocument.Parse(await http.GetByteArrayAsync($"/api/v1/namespaces/{Namespace}/pods")))
            {
                ready = pods.RootElement.GetProperty("items").EnumerateArray().Count(IsReady);
            }

            if (ready >= podCount)
            {
                return;
            }

            ThrowIfLate(stopwatch, $"{podCount - ready} of {podCount} pods");
            await Task.Delay(250);
        }
    }

    private static bool IsReady(JsonElement pod)
        => pod.TryGetProperty("status", out JsonElement status) && status.TryGetProperty("conditions", out JsonElement conditions)
            && conditions.EnumerateArray().Any(c => c.GetProperty("type").GetString() == "Ready" && c.GetProperty("status").GetString() == "True");

    private static void ThrowIfLate(Stopwatch stopwatch, string what)
    {
        if (stopwatch.Elapsed > s_settleTimeout)
        {
            throw new TimeoutException($"{what} not Ready after {s_settleTimeout.TotalMinutes:0} minutes");
        }
    }

    private static async Task<int> CountStartedEventsAsync(HttpClient http)
    {
        using JsonDocument events = JsonDocument.Parse(await http.GetByteArrayAsync($"/api/v1/namespaces/{Namespace}/events"));
        return events.RootElement.GetProperty("items").EnumerateArray().Count(e => e.GetProperty("reason").GetString() == "Started");
    }

    private const string PodTemplate = """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"@NAME@","labels":{"app":"web","pod-template-hash":"5d9c8b7f6"}},
        "spec":{"containers":[{"name":"web","image":"registry.local/web:bench-1","ports":[{"containerPort":8080,"protocol":"TCP"}],
        "env":[{"name":"ASPNETCORE_URLS","value":"http://+:8080"},{"name":"SLIPWAY_ENV","value":"staging"}],
        "resources":{"requests":{"cpu":"100m","memory":"128Mi"},"limits":{"memory":"256Mi"}}}]}}
        """;
}
