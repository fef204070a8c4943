using System.Text.Json;
using k8s;
using k8s.Models;
using Slipway.Processes;
using Slipway.Tests.Support;

namespace Slipway.Tests.LocalCluster.Api;

/// <summary>The real kubectl against the local cluster, through the kubeconfig it writes.</summary>
public sealed partial class KubectlTests(SharedCluster shared) : IClassFixture<SharedCluster>
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);
    private readonly ProcessRunner _runner = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_lists_namespaces_as_text_and_json()
    {
        string text = await KubectlAsync("get", "namespaces");
        string json = await KubectlAsync("get", "namespaces", "-o", "json");

        text.ShouldContain("kube-system");
        using JsonDocument list = JsonDocument.Parse(json);
        list.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("metadata").GetProperty("name").GetString())
            .ShouldContain("default");
    }

    [Fact]
    public async Task Apply_patch_and_delete_a_manifest()
    {
        string manifest = await WriteManifestAsync("kubectl-apply", """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: shop
            spec:
              replicas: 1
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                  - name: web
                    image: registry.local/web:1
            """);

        (await KubectlAsync("apply", "-f", manifest)).ShouldContain("deployment.apps/web created");
        (await KubectlAsync("apply", "-f", manifest)).ShouldContain("deployment.apps/web unchanged");
        await File.WriteAllTextAsync(manifest, (await File.ReadAllTextAsync(manifest, Ct)).Replace("web:1", "web:2", StringComparison.Ordinal), Ct);
        (await KubectlAsync("apply", "-f", manifest)).ShouldContain("deployment.apps/web configured");
        (await KubectlAsync("scale", "deployment", "web", "-n", "shop", "--replicas=5")).ShouldContain("scaled");
        (await KubectlAsync("patch", "deployment", "web", "-n", "shop", "-p", """{"spec":{"replicas":3}}""")).ShouldContain("patched");

        V1Deployment web = await shared.Client.AppsV1.ReadNamespacedDeploymentAsync("web", "shop", cancellationToken: Ct);
        web.Spec.Template.Spec.Containers.Single().Image.ShouldBe("registry.local/web:2");
        web.Spec.Replicas.ShouldBe(3);
        web.Metadata.Generation.ShouldBe(4);

        ProcessFailedException conflict = await Should.ThrowAsync<ProcessFailedException>(() => KubectlAsync("apply", "--server-side", "-f", manifest));
        conflict.Message.ShouldContain("Apply failed with 1 conflict: conflict with \"kubectl-patch\" using apps/v1 at ");
        conflict.Message.ShouldContain(": .spec.replicas");
        (await KubectlAsync("apply", "--server-side", "--force-conflicts", "-f", manifest)).ShouldContain("deployment.apps/web serverside-applied");
        (await KubectlAsync("delete", "deployment", "web", "-n", "shop")).ShouldContain("deployment.apps \"web\" deleted");
        (await KubectlAsync("delete", "namespace", "shop")).ShouldContain("namespace \"shop\" deleted");
        (await shared.Client.AppsV1.ListDeploymentForAllNamespacesAsync(fieldSelector: "metadata.namespace=shop", cancellationToken: Ct)).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_prints_the_pod_columns_from_the_server_table()
    {
        await shared.Client.CoreV1.CreateNamespacedPodAsync(
            new V1Pod
            {
                Metadata = new V1ObjectMeta { Name = "crashing" },
                Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = "web:1" }] },
                Status = new V1PodStatus
                {
                    Phase = "Running",
                    ContainerStatuses = [new V1ContainerStatus { Name = "web", Image = "web:1", ImageID = "", Ready = false, RestartCount = 4, State = new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = "CrashLoopBackOff" } } }],
                },
            },
            "default",
            cancellationToken: Ct);

        string output = await KubectlAsync("get", "pods", "-A");

        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS", "AGE"]);
        lines.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Single(columns => columns[1] == "crashing")[..5]
            .ShouldBe(["default", "crashing", "0/1", "CrashLoopBackOff", "4"]);
    }

    [Fact]
    public async Task Custom_resources_apply_and_print_through_discovery()
    {
        string manifest = await WriteManifestAsync("kubectl-helmrelease", """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: podinfo
              namespace: default
            spec:
              interval: 5m
              chart:
                spec: {chart: podinfo, version: "6.x", sourceRef: {kind: HelmRepository, name: podinfo}}
              values:
                image: {repository: registry.local/podinfo, tag: "6.5.0"}
            """);

        (await KubectlAsync("apply", "-f", manifest)).ShouldContain("helmrelease.helm.toolkit.fluxcd.io/podinfo created");
        (await KubectlAsync("patch", "hr", "podinfo", "--type=merge", "-p", """{"spec":{"suspend":true}}""")).ShouldContain("patched");
        string table = await KubectlAsync("get", "hr");

        table.Split('\n')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["NAME", "AGE", "READY", "STATUS"]);
        table.ShouldContain("podinfo");
        (await KubectlAsync("get", "helmrelease", "podinfo", "-o", "jsonpath={.spec.suspend} {.metadata.generation}")).Trim().ShouldBe("true 2");
    }

    [Fact]
    public async Task Get_of_a_missing_object_fails_with_the_server_message()
    {
        ProcessFailedException error = await Should.ThrowAsync<ProcessFailedException>(() => KubectlAsync("get", "configmap", "nothing-here"));

        error.Message.ShouldContain("configmaps \"nothing-here\" not found");
    }

    [Fact]
    public async Task Get_watch_prints_changes_as_they_happen()
    {
        // A sentinel listed first tells when kubectl is watching (it lists, then streams changes), so a slow start
        // on a loaded machine cannot make the create and delete happen before kubectl looks.
        await shared.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "kubectl-watch-ready" } }, "default", cancellationToken: Ct);
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        Task watch = _runner.RunAsync(
            new ProcessRequest("kubectl", ["--kubeconfig", shared.Cluster.KubeconfigPath, "get", "configmaps", "-n", "default", "-w", "-o", "name"])
            {
                Timeout = s_timeout,
                GracePeriod = TimeSpan.FromSeconds(1),
                OnOutputLine = lines.Enqueue,
            },
            stop.Token);
        await WaitUntilAsync(() => lines.Contains("configmap/kubectl-watch-ready"), watch);

        await shared.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "watched-by-kubectl" } }, "default", cancellationToken: Ct);
        await shared.Client.CoreV1.DeleteNamespacedConfigMapAsync("watched-by-kubectl", "default", cancellationToken: Ct);
        await WaitUntilAsync(() => lines.Count(l => l == "configmap/watched-by-kubectl") >= 2, watch);

        // kubectl watches until it is stopped: cancelling ends it.
        await stop.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => watch);
        await shared.Client.CoreV1.DeleteNamespacedConfigMapAsync("kubectl-watch-ready", "default", cancellationToken: Ct);

        lines.Count(l => l == "configmap/watched-by-kubectl").ShouldBe(2);
    }

    /// <summary>Waits until <paramref name="condition"/> holds; fails when the watch ends first or after the timeout.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition, Task watch)
    {
        DateTime deadline = DateTime.UtcNow + s_timeout;
        while (!condition())
        {
            watch.IsCompleted.ShouldBeFalse("kubectl stopped watching");
            DateTime.UtcNow.ShouldBeLessThan(deadline, "kubectl printed nothing in time");
            await Task.Delay(TimeSpan.FromMilliseconds(50), Ct);
        }
    }

    private Task<string> KubectlAsync(params string[] arguments) => new Kubectl(shared.Fixture).OutputAsync(arguments);

    private Task<string> WriteManifestAsync(string name, string yaml) => new Kubectl(shared.Fixture).WriteManifestAsync(name, yaml);
}
