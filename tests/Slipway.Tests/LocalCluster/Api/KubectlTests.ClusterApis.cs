using k8s;
using k8s.Models;
using Slipway.Processes;
using Slipway.Tests.Support;

namespace Slipway.Tests.LocalCluster.Api;

/// <summary>The real kubectl on what dashboards and scripts ask besides CRUD: permissions, CRDs, logs, exec.</summary>
public sealed partial class KubectlTests
{
    [Fact]
    public async Task Auth_can_i_says_yes_and_lists_every_rule()
    {
        (await KubectlAsync("auth", "can-i", "create", "deployments")).Trim().ShouldBe("yes");
        (await KubectlAsync("auth", "can-i", "delete", "helmreleases", "-n", "flux-system")).Trim().ShouldBe("yes");
        string rules = await KubectlAsync("auth", "can-i", "--list");

        rules.Split('\n')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["Resources", "Non-Resource", "URLs", "Resource", "Names", "Verbs"]);
        rules.ShouldContain("*.*");
    }

    [Fact]
    public async Task Get_crd_lists_the_built_in_custom_kinds()
    {
        string names = await KubectlAsync("get", "crd", "-o", "name");

        names.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(
            [
                "customresourcedefinition.apiextensions.k8s.io/applications.argoproj.io",
                "customresourcedefinition.apiextensions.k8s.io/gitrepositories.source.toolkit.fluxcd.io",
                "customresourcedefinition.apiextensions.k8s.io/helmreleases.helm.toolkit.fluxcd.io",
                "customresourcedefinition.apiextensions.k8s.io/helmrepositories.source.toolkit.fluxcd.io",
                "customresourcedefinition.apiextensions.k8s.io/imageupdateautomations.image.toolkit.fluxcd.io",
                "customresourcedefinition.apiextensions.k8s.io/kustomizations.kustomize.toolkit.fluxcd.io",
            ],
            ignoreOrder: true);
        (await KubectlAsync("get", "crd", "helmreleases.helm.toolkit.fluxcd.io", "-o", "jsonpath={.spec.scope} {.spec.versions[0].name} {.status.conditions[1].type}"))
            .Trim().ShouldBe("Namespaced v2 Established");
    }

    [Fact]
    public async Task A_crd_created_by_a_user_serves_its_kind_until_it_is_deleted()
    {
        string definition = await WriteManifestAsync("crd-widgets", """
            {"apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition", "metadata": {"name": "widgets.example.com"},
             "spec": {"group": "example.com", "scope": "Cluster", "names": {"plural": "widgets", "singular": "widget", "kind": "Widget", "shortNames": ["wd"]},
                      "versions": [{"name": "v1", "served": true, "storage": true, "schema": {"openAPIV3Schema": {"type": "object", "x-kubernetes-preserve-unknown-fields": true}}}]}}
            """);
        string widget = await WriteManifestAsync("widget-one", """
            {"apiVersion": "example.com/v1", "kind": "Widget", "metadata": {"name": "one"}, "spec": {"size": 3}}
            """);

        (await KubectlAsync("apply", "-f", definition)).ShouldContain("customresourcedefinition.apiextensions.k8s.io/widgets.example.com created");
        (await KubectlAsync("apply", "-f", widget)).ShouldContain("widget.example.com/one created");
        (await KubectlAsync("get", "crd", "widgets.example.com", "-o", "jsonpath={.status.conditions[1].type}")).Trim().ShouldBe("Established");
        (await KubectlAsync("get", "wd", "one", "-o", "jsonpath={.spec.size}")).Trim().ShouldBe("3");
        (await KubectlAsync("patch", "widget", "one", "--type=merge", "-p", """{"status":{"ok":true}}""")).ShouldContain("patched");
        (await KubectlAsync("get", "widget", "one", "-o", "jsonpath={.status.ok}")).Trim().ShouldBe("true");
        (await KubectlAsync("get", "widgets")).ShouldContain("one");
        (await KubectlAsync("delete", "crd", "widgets.example.com")).ShouldContain("deleted");

        ProcessFailedException gone = await Should.ThrowAsync<ProcessFailedException>(() => KubectlAsync("get", "widgets"));
        gone.Result.StandardError.ShouldContain("Error from server (NotFound)");
    }

    [Fact]
    public async Task Logs_tell_what_the_local_kubelet_knows_and_exec_says_no_process_runs()
    {
        await shared.Client.CoreV1.CreateNamespacedPodAsync(
            new V1Pod
            {
                Metadata = new V1ObjectMeta { Name = "crashing-logs" },
                Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = "web:1" }] },
                Status = new V1PodStatus
                {
                    Phase = "Running",
                    ContainerStatuses =
                    [
                        new V1ContainerStatus
                        {
                            Name = "web", Image = "web:1", ImageID = "", Ready = false, RestartCount = 2,
                            State = new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = "CrashLoopBackOff", Message = "back-off 20s restarting failed container" } },
                            LastState = new V1ContainerState { Terminated = new V1ContainerStateTerminated { ExitCode = 1, Reason = "Error" } },
                        },
                    ],
                },
            },
            "default",
            cancellationToken: Ct);

        string logs = await KubectlAsync("logs", "crashing-logs");
        string previous = await KubectlAsync("logs", "crashing-logs", "--previous", "--tail=1");
        ProcessFailedException exec = await Should.ThrowAsync<ProcessFailedException>(() => KubectlAsync("exec", "crashing-logs", "--", "ls"));
        ProcessFailedException missing = await Should.ThrowAsync<ProcessFailedException>(() => KubectlAsync("logs", "no-such-pod"));

        string[] lines = logs.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldAllBe(line => line.StartsWith("[local-cluster] ", StringComparison.Ordinal));
        lines[0].ShouldContain("no process runs in the local cluster");
        logs.ShouldContain("container \"web\" exited with code 1 (Error)");
        logs.ShouldContain("crashed and was restarted 2 times; back-off 20s restarting failed container");
        previous.Trim().ShouldBe("[local-cluster] Terminated: exit code 1 (Error)");
        exec.Message.ShouldContain("the local cluster runs no processes");
        missing.Message.ShouldContain("pods \"no-such-pod\" not found");
    }
}
