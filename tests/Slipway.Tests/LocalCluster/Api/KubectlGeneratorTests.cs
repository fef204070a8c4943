using System.Text;
using System.Text.Json;
using Slipway.Processes;
using Slipway.Tests.LocalCluster.Controllers;
using Slipway.Tests.Support;

namespace Slipway.Tests.LocalCluster.Api;

/// <summary>
/// kubectl 1.32's generator commands, whose typed clients send Kubernetes protobuf (and accept protobuf or JSON), against a
/// local cluster with its controllers running; <c>kubectl get</c> then shows what was created. Each test has its own namespace.
/// (<c>kubectl run</c> is here too, though it sends JSON.)
/// </summary>
public sealed class KubectlGeneratorTests(ControlledCluster shared) : IClassFixture<ControlledCluster>
{
    private Kubectl Kubectl => new(shared.Fixture);

    [Fact]
    public async Task Create_namespace_configmap_and_secret_send_protobuf_and_are_stored_as_sent()
    {
        (await GenerateAsync(true, "create", "namespace", "generated-config")).ShouldContain("namespace/generated-config created");
        (await GenerateAsync(true, "create", "configmap", "x", "--from-literal=a=b", "--from-literal=empty=", "-n", "generated-config")).ShouldContain("configmap/x created");
        (await GenerateAsync(true, "create", "secret", "generic", "s", "--from-literal=a=b", "-n", "generated-config")).ShouldContain("secret/s created");

        using JsonDocument ns = await GetAsync("namespace", "generated-config");
        ns.RootElement.GetProperty("status").GetProperty("phase").GetString().ShouldBe("Active");
        using JsonDocument data = await GetAsync("configmap", "x", "-n", "generated-config");
        data.RootElement.GetProperty("data").GetProperty("a").GetString().ShouldBe("b");
        data.RootElement.GetProperty("data").GetProperty("empty").GetString().ShouldBe("");
        data.RootElement.GetProperty("metadata").GetProperty("uid").GetString().ShouldNotBeNullOrEmpty();
        string secret = await Kubectl.OutputAsync("get", "secret", "s", "-n", "generated-config", "-o", "jsonpath={.data.a}");
        Encoding.UTF8.GetString(Convert.FromBase64String(secret.Trim())).ShouldBe("b");
    }

    [Fact]
    public async Task Create_deployment_keeps_image_replicas_and_labels_and_is_rolled_out()
    {
        await Kubectl.RunAsync("create", "namespace", "generated-web");

        (await GenerateAsync(true, "create", "deployment", "web", "--image=nginx", "--replicas=2", "--port=80", "-n", "generated-web")).ShouldContain("deployment.apps/web created");
        (await GenerateAsync(true, "create", "deployment", "idle", "--image=nginx", "--replicas=0", "-n", "generated-web")).ShouldContain("deployment.apps/idle created");

        using JsonDocument web = await GetAsync("deployment", "web", "-n", "generated-web");
        JsonElement spec = web.RootElement.GetProperty("spec");
        spec.GetProperty("replicas").GetInt32().ShouldBe(2);
        web.RootElement.GetProperty("metadata").GetProperty("labels").GetProperty("app").GetString().ShouldBe("web");
        spec.GetProperty("selector").GetProperty("matchLabels").GetProperty("app").GetString().ShouldBe("web");
        spec.GetProperty("strategy").GetProperty("rollingUpdate").GetProperty("maxSurge").GetString().ShouldBe("25%");
        JsonElement container = spec.GetProperty("template").GetProperty("spec").GetProperty("containers")[0];
        container.GetProperty("name").GetString().ShouldBe("nginx");
        container.GetProperty("image").GetString().ShouldBe("nginx");
        container.GetProperty("ports")[0].GetProperty("containerPort").GetInt32().ShouldBe(80);
        (await Kubectl.OutputAsync("get", "deployment", "idle", "-n", "generated-web", "-o", "jsonpath={.spec.replicas}")).Trim().ShouldBe("0");
        await Eventually.Until(
            () => Kubectl.OutputAsync("get", "rs", "-n", "generated-web", "-l", "app=web", "-o", "jsonpath={.items[*].spec.replicas}"),
            replicas => replicas.Trim() == "2",
            "a ReplicaSet of 2 for the generated deployment");
    }

    [Fact]
    public async Task Create_job_and_run_store_their_pod_templates()
    {
        await Kubectl.RunAsync("create", "namespace", "generated-run");

        (await GenerateAsync(true, "create", "job", "j", "--image=busybox", "-n", "generated-run", "--", "echo", "done")).ShouldContain("job.batch/j created");
        (await GenerateAsync(false, "run", "p", "--image=nginx", "-n", "generated-run")).ShouldContain("pod/p created");

        using JsonDocument job = await GetAsync("job", "j", "-n", "generated-run");
        JsonElement template = job.RootElement.GetProperty("spec").GetProperty("template").GetProperty("spec");
        template.GetProperty("containers")[0].GetProperty("image").GetString().ShouldBe("busybox");
        template.GetProperty("containers")[0].GetProperty("command").EnumerateArray().Select(c => c.GetString()).ShouldBe(["echo", "done"]);
        template.GetProperty("restartPolicy").GetString().ShouldBe("Never");
        job.RootElement.GetProperty("spec").GetProperty("backoffLimit").GetInt32().ShouldBe(6);
        (await Kubectl.OutputAsync("get", "jobs", "-n", "generated-run")).Split('\n').ShouldContain(line => line.StartsWith("j ", StringComparison.Ordinal));
        using JsonDocument pod = await GetAsync("pod", "p", "-n", "generated-run");
        pod.RootElement.GetProperty("metadata").GetProperty("labels").GetProperty("run").GetString().ShouldBe("p");
        pod.RootElement.GetProperty("spec").GetProperty("containers")[0].GetProperty("image").GetString().ShouldBe("nginx");
    }

    /// <summary>
    /// Runs a generator command, checking in kubectl's <c>-v=8</c> log that it sent protobuf (<c>kubectl run</c> goes through the
    /// generic resource helper and sends JSON: <paramref name="protobuf"/> false) and accepted JSON too.
    /// </summary>
    private async Task<string> GenerateAsync(bool protobuf, params string[] arguments)
    {
        ProcessResult result = await Kubectl.RunAsync(["-v=8", .. arguments]);
        string headers = string.Join('\n', result.StandardError.Split('\n').Where(line => line.Contains("Content-Type:", StringComparison.Ordinal) || line.Contains("Accept:", StringComparison.Ordinal)));
        string command = $"kubectl {string.Join(' ', arguments)} sent:\n{headers}";
        if (protobuf)
        {
            headers.ShouldContain("Content-Type: application/vnd.kubernetes.protobuf", customMessage: command);
            headers.ShouldContain("Accept: application/vnd.kubernetes.protobuf,application/json", customMessage: command);
        }
        else
        {
            headers.ShouldContain("Content-Type: application/json", customMessage: command);
        }

        return result.StandardOutput;
    }

    private async Task<JsonDocument> GetAsync(params string[] arguments)
        => JsonDocument.Parse(await Kubectl.OutputAsync(["get", .. arguments, "-o", "json"]));
}
