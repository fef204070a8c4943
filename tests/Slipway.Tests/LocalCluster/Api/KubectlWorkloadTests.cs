using System.Text.Json;
using k8s;
using k8s.Models;
using Slipway.Tests.LocalCluster.Controllers;
using Slipway.Tests.Support;

namespace Slipway.Tests.LocalCluster.Api;

/// <summary>
/// The real kubectl against a local cluster with its controllers running: rollouts through ReplicaSets, Events,
/// Endpoints, <c>-o wide</c> and a namespace going Terminating. Each test works in a namespace of its own.
/// </summary>
public sealed class KubectlWorkloadTests(ControlledCluster shared) : IClassFixture<ControlledCluster>
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rollout_status_history_and_undo_work_through_ReplicaSets()
    {
        await NamespaceAsync("rollouts");
        await PublishAsync("1");
        await PublishAsync("2");
        await ApplyAsync("rollouts", Deployment("rollouts", "web", "registry.local/web:1"));
        (await KubectlAsync("rollout", "status", "deployment/web", "-n", "rollouts", "--timeout=20s")).ShouldContain("successfully rolled out");

        await KubectlAsync("set", "image", "deployment/web", "web=registry.local/web:2", "-n", "rollouts");
        (await KubectlAsync("rollout", "status", "deployment/web", "-n", "rollouts", "--timeout=20s")).ShouldContain("successfully rolled out");
        string history = await KubectlAsync("rollout", "history", "deployment/web", "-n", "rollouts");

        Revisions(history).ShouldBe(["1", "2"]);
        (await KubectlAsync("rollout", "history", "deployment/web", "-n", "rollouts", "--revision=1")).ShouldContain("registry.local/web:1");
        (await KubectlAsync("rollout", "undo", "deployment/web", "-n", "rollouts")).ShouldContain("deployment.apps/web rolled back");
        (await KubectlAsync("rollout", "status", "deployment/web", "-n", "rollouts", "--timeout=20s")).ShouldContain("successfully rolled out");
        V1Deployment web = await Eventually.Until<V1Deployment>(
            () => shared.Client.AppsV1.ReadNamespacedDeploymentAsync("web", "rollouts", cancellationToken: Ct),
            d => d.Metadata.Annotations is { } annotations && annotations.TryGetValue("deployment.kubernetes.io/revision", out string? revision) && revision == "3",
            "revision 3");
        web.Spec.Template.Spec.Containers.Single().Image.ShouldBe("registry.local/web:1");
        Revisions(await KubectlAsync("rollout", "history", "deployment/web", "-n", "rollouts")).ShouldBe(["2", "3"]);
        string sets = await KubectlAsync("get", "rs", "-n", "rollouts");
        sets.Split('\n')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["NAME", "DESIRED", "CURRENT", "READY", "AGE"]);
    }

    [Fact]
    public async Task Describe_and_get_events_explain_a_missing_image()
    {
        await NamespaceAsync("events");
        await shared.Client.CoreV1.CreateNamespacedPodAsync(
            new V1Pod { Metadata = new V1ObjectMeta { Name = "broken" }, Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = "registry.local/web:nope" }] } },
            "events",
            cancellationToken: Ct);
        await Eventually.Until<Corev1EventList>(
            () => shared.Client.CoreV1.ListNamespacedEventAsync("events", fieldSelector: "involvedObject.name=broken", cancellationToken: Ct),
            list => list.Items.Any(e => e.Message == "Error: ImagePullBackOff"),
            "the ImagePullBackOff event");

        string describe = await KubectlAsync("describe", "pod", "broken", "-n", "events");
        string events = await KubectlAsync("get", "events", "-n", "events");
        string eventsV1 = await KubectlAsync("get", "events.v1.events.k8s.io", "-n", "events", "-o", "json");

        string section = describe[describe.IndexOf("Events:", StringComparison.Ordinal)..];
        section.ShouldContain("Successfully assigned events/broken to local-node-1");
        section.ShouldContain("Failed to pull image \"registry.local/web:nope\"");
        section.ShouldContain("Error: ErrImagePull");
        section.ShouldContain("Back-off pulling image \"registry.local/web:nope\"");
        section.ShouldContain("Error: ImagePullBackOff");
        events.Split('\n')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["LAST", "SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"]);
        events.Split('\n').ShouldContain(l => l.Contains("Warning", StringComparison.Ordinal) && l.Contains("pod/broken", StringComparison.Ordinal) && l.Contains("Error: ErrImagePull", StringComparison.Ordinal));
        using JsonDocument list = JsonDocument.Parse(eventsV1);
        list.RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("note").GetString()).ShouldContain("Error: ErrImagePull");
    }

    [Fact]
    public async Task Endpoints_and_wide_pods_show_pod_ips_and_nodes()
    {
        await NamespaceAsync("endpoints");
        await PublishAsync("1");
        await ApplyAsync("endpoints", Deployment("endpoints", "web", "registry.local/web:1") + """
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: endpoints}
            spec:
              selector: {app: web}
              ports: [{port: 80, targetPort: 8080}]
            """);
        await KubectlAsync("rollout", "status", "deployment/web", "-n", "endpoints", "--timeout=20s");
        V1Pod pod = (await shared.Client.CoreV1.ListNamespacedPodAsync("endpoints", cancellationToken: Ct)).Items.Single();

        string endpoints = await Eventually.Until<string>(() => KubectlAsync("get", "endpoints", "web", "-n", "endpoints"), e => e.Contains(':', StringComparison.Ordinal), "an address");
        string wide = await KubectlAsync("get", "pods", "-n", "endpoints", "-o", "wide");

        endpoints.ShouldContain($"{pod.Status.PodIP}:8080");
        string[] lines = wide.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED", "NODE", "READINESS", "GATES"]);
        lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).ShouldBe([pod.Metadata.Name, "1/1", "Running", "0", lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[4], pod.Status.PodIP, "local-node-1", "<none>", "<none>"]);
        (await KubectlAsync("get", "endpointslices", "-n", "endpoints")).ShouldContain(pod.Status.PodIP);
    }

    [Fact]
    public async Task Deleted_namespace_is_seen_Terminating_before_it_goes()
    {
        V1Namespace created = await NamespaceAsync("leaving");
        await shared.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "settings" } }, "leaving", cancellationToken: Ct);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        stop.CancelAfter(s_timeout);
        var seen = new List<(WatchEventType Type, string? Phase, bool Deleting)>();

        (await KubectlAsync("delete", "namespace", "leaving")).ShouldContain("namespace \"leaving\" deleted");

        await foreach ((WatchEventType type, V1Namespace item) in shared.Client.CoreV1.WatchListNamespaceAsync(
            fieldSelector: "metadata.name=leaving", resourceVersion: created.Metadata.ResourceVersion, cancellationToken: stop.Token))
        {
            seen.Add((type, item.Status?.Phase, item.Metadata.DeletionTimestamp is not null));
            if (type == WatchEventType.Deleted)
            {
                break;
            }
        }

        seen.ShouldBe([(WatchEventType.Modified, "Terminating", true), (WatchEventType.Deleted, "Terminating", true)]);
        (await shared.Client.CoreV1.ListNamespacedConfigMapAsync("leaving", cancellationToken: Ct)).Items.ShouldBeEmpty();
    }

    private static string[] Revisions(string history)
        => [.. history.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0])];

    private static string Deployment(string ns, string name, string image) => $$$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: {{{name}}}, namespace: {{{ns}}}}
        spec:
          selector: {matchLabels: {app: {{{name}}}}}
          template:
            metadata: {labels: {app: {{{name}}}}}
            spec:
              containers:
              - name: {{{name}}}
                image: {{{image}}}
                ports: [{containerPort: 8080}]

        """;

    private Task PublishAsync(string tag) => shared.Cluster.Images.PublishAsync("registry.local/web", tag, crash: false, Ct);

    private Task<V1Namespace> NamespaceAsync(string name)
        => shared.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } }, cancellationToken: Ct);

    private async Task ApplyAsync(string name, string yaml)
        => await KubectlAsync("apply", "-f", await new Kubectl(shared.Fixture).WriteManifestAsync(name, yaml));

    private Task<string> KubectlAsync(params string[] arguments) => new Kubectl(shared.Fixture).OutputAsync(arguments);
}
