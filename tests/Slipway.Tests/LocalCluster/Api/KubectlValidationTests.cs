using k8s;
using k8s.Models;
using Slipway.Processes;
using Slipway.Tests.Support;

namespace Slipway.Tests.LocalCluster.Api;

/// <summary>
/// The real kubectl 1.32 with its default validation (it reads the served OpenAPI v3 and leaves validation to the server with
/// <c>fieldValidation=Strict</c>), <c>kubectl explain</c>, strategic merge keys from the schema, and server-side apply between
/// field managers.
/// </summary>
public sealed class KubectlValidationTests(SharedCluster shared) : IClassFixture<SharedCluster>
{
    private readonly Kubectl _kubectl = new(shared.Fixture);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_replace_and_apply_validate_without_flags_and_unknown_fields_are_refused()
    {
        string manifest = await WriteManifestAsync("validated", Deployment("validated", "registry.local/web:1", ""));
        (await KubectlAsync("create", "-f", manifest)).ShouldContain("deployment.apps/validated created");
        await File.WriteAllTextAsync(manifest, Deployment("validated", "registry.local/web:2", ""), Ct);
        (await KubectlAsync("replace", "-f", manifest)).ShouldContain("deployment.apps/validated replaced");
        await File.WriteAllTextAsync(manifest, Deployment("validated", "registry.local/web:3", ""), Ct);
        (await KubectlAsync("apply", "-f", manifest)).ShouldContain("deployment.apps/validated configured");

        string typo = await WriteManifestAsync("typo", Deployment("typo", "registry.local/web:1", "  foo: 1\n"));
        ProcessFailedException error = await Should.ThrowAsync<ProcessFailedException>(() => KubectlAsync("apply", "-f", typo));

        error.Message.ShouldContain("strict decoding error: unknown field \"spec.foo\"");
        (await shared.Client.AppsV1.ListNamespacedDeploymentAsync("default", fieldSelector: "metadata.name=typo", cancellationToken: Ct)).Items.ShouldBeEmpty();
        (await shared.Client.AppsV1.ReadNamespacedDeploymentAsync("validated", "default", cancellationToken: Ct)).Spec.Template.Spec.Containers.Single().Image
            .ShouldBe("registry.local/web:3");
    }

    [Fact]
    public async Task Kubectl_reads_the_v3_documents_and_asks_the_server_to_validate_strictly()
    {
        string manifest = await WriteManifestAsync("verbose", ConfigMap("verbose", "blue"));

        ProcessResult result = await _kubectl.RunAsync("create", "-f", manifest, "-v=8");

        string log = result.StandardError;
        log.ShouldContain("GET " + new Uri(shared.Cluster.BaseAddress, "/openapi/v3"));
        log.ShouldContain("/openapi/v3/api/v1?hash=");
        log.ShouldContain("fieldValidation=Strict");
        log.ShouldNotContain("/openapi/v2");
    }

    [Fact]
    public async Task Explain_reads_the_fields_of_a_deployment_spec()
    {
        string output = await KubectlAsync("explain", "deployment.spec");

        output.ShouldContain("KIND:       Deployment");
        output.ShouldContain("replicas");
        output.ShouldContain("template");
        output.ShouldContain("Number of desired pods.");
    }

    [Fact]
    public async Task A_strategic_patch_merges_container_ports_by_container_port()
    {
        string manifest = await WriteManifestAsync("ports", Deployment("ports", "registry.local/web:1", "").Replace(
            "        image: registry.local/web:1\n", "        image: registry.local/web:1\n        ports: [{containerPort: 80}, {containerPort: 443}]\n", StringComparison.Ordinal));
        await KubectlAsync("apply", "-f", manifest);

        await KubectlAsync("patch", "deployment", "ports", "-p", """{"spec":{"template":{"spec":{"containers":[{"name":"web","ports":[{"containerPort":80,"hostPort":8080}]}]}}}}""");

        V1Deployment patched = await shared.Client.AppsV1.ReadNamespacedDeploymentAsync("ports", "default", cancellationToken: Ct);
        IList<V1ContainerPort> ports = patched.Spec.Template.Spec.Containers.Single().Ports;
        ports.Select(p => (p.ContainerPort, p.HostPort)).ShouldBe([(80, 8080), (443, null)], ignoreOrder: true);
    }

    [Fact]
    public async Task Server_side_apply_names_the_conflicting_manager_until_forced()
    {
        string first = await WriteManifestAsync("ssa-a", ConfigMap("ssa", "one"));
        string second = await WriteManifestAsync("ssa-b", ConfigMap("ssa", "two"));
        (await KubectlAsync("apply", "--server-side", "--field-manager", "mgr-a", "-f", first)).ShouldContain("configmap/ssa serverside-applied");

        ProcessFailedException conflict = await Should.ThrowAsync<ProcessFailedException>(() => KubectlAsync("apply", "--server-side", "--field-manager", "mgr-b", "-f", second));
        conflict.Message.ShouldContain("Apply failed with 1 conflict: conflict with \"mgr-a\": .data.color");

        (await KubectlAsync("apply", "--server-side", "--field-manager", "mgr-b", "--force-conflicts", "-f", second)).ShouldContain("configmap/ssa serverside-applied");
        V1ConfigMap taken = await shared.Client.CoreV1.ReadNamespacedConfigMapAsync("ssa", "default", cancellationToken: Ct);
        taken.Data["color"].ShouldBe("two");
        taken.Metadata.ManagedFields.Single(m => m.Manager == "mgr-b").Operation.ShouldBe("Apply");
        taken.Metadata.ManagedFields.Select(m => m.Manager).ShouldNotContain("mgr-a"); // it owned nothing else
    }

    private static string Deployment(string name, string image, string extraSpec) => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{name}}
          namespace: default
        spec:
        {{extraSpec}}  replicas: 1
          selector:
            matchLabels:
              app: {{name}}
          template:
            metadata:
              labels:
                app: {{name}}
            spec:
              containers:
              - name: web
                image: {{image}}

        """;

    private static string ConfigMap(string name, string color) => $"""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {name}
          namespace: default
        data:
          color: {color}
        """;

    private Task<string> KubectlAsync(params string[] arguments) => _kubectl.OutputAsync(arguments);

    private Task<string> WriteManifestAsync(string name, string yaml) => _kubectl.WriteManifestAsync(name, yaml);
}
