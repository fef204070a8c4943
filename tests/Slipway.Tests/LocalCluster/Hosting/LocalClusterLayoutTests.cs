using k8s;
using k8s.Models;
using Slipway.LocalCluster.Hosting;
using Slipway.Tests.Support;

namespace Slipway.Tests.LocalCluster.Hosting;

/// <summary>Several named local clusters in one shared folder: own state and server each, one kubeconfig, one catalogue.</summary>
public sealed class LocalClusterLayoutTests : IDisposable
{
    private readonly TempDirectory _shared = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _shared.Dispose();

    [Fact]
    public async Task Each_cluster_has_its_own_state_server_and_context_in_the_one_kubeconfig()
    {
        await using LocalClusterHandle dev = await LocalClusterHost.StartAsync(LocalClusterLayout.Options(_shared.Path, "dev"), Ct);
        await using LocalClusterHandle staging = await LocalClusterHost.StartAsync(LocalClusterLayout.Options(_shared.Path, "staging"), Ct);
        using Kubernetes devClient = Client("slipway-dev");
        using Kubernetes stagingClient = Client("slipway-staging");

        await devClient.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "only-dev" } }, "default", cancellationToken: Ct);

        dev.BaseAddress.ShouldNotBe(staging.BaseAddress);
        dev.KubeconfigPath.ShouldBe(staging.KubeconfigPath);
        dev.KubeconfigPath.ShouldBe(_shared.Combine("kubeconfig"));
        (dev.ContextName, staging.ContextName).ShouldBe(("slipway-dev", "slipway-staging"));
        dev.Images.Path.ShouldBe(staging.Images.Path);
        (await devClient.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: Ct)).Items.Select(c => c.Metadata.Name).ShouldContain("only-dev");
        (await stagingClient.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: Ct)).Items.Select(c => c.Metadata.Name).ShouldNotContain("only-dev");
        File.Exists(_shared.Combine("dev", "endpoint.json")).ShouldBeTrue();
        File.Exists(_shared.Combine("staging", "endpoint.json")).ShouldBeTrue();
    }

    [Fact]
    public async Task Concurrent_starts_never_lose_each_others_context()
    {
        string[] names = [.. Enumerable.Range(1, 12).Select(i => $"env-{i}")];
        string path = LocalClusterLayout.KubeconfigPath(_shared.Path);

        await Task.WhenAll(names.Select((name, i) => Task.Run(() => Kubeconfig.WriteAsync(path, LocalClusterLayout.ContextName(name), new Uri($"http://127.0.0.1:{20000 + i}"), Ct), Ct)));

        IReadOnlyDictionary<string, string> servers = Kubeconfig.ReadServers(await File.ReadAllTextAsync(path, Ct));
        servers.Keys.Order(StringComparer.Ordinal).ShouldBe(names.Select(n => "slipway-" + n).Order(StringComparer.Ordinal));
        servers["slipway-env-3"].ShouldBe("http://127.0.0.1:20002");
    }

    [Fact]
    public async Task A_kubeconfig_kubectl_rewrote_keeps_its_clusters_when_another_context_is_merged()
    {
        string path = _shared.Write("kubeconfig", """
            apiVersion: v1
            clusters:
            - cluster:
                server: http://127.0.0.1:30001
              name: slipway-dev
            contexts:
            - context:
                cluster: slipway-dev
                namespace: default
                user: slipway-dev
              name: slipway-dev
            current-context: slipway-dev
            kind: Config
            preferences: {}
            users:
            - name: slipway-dev
              user:
                token: local-cluster-no-auth

            """);

        await Kubeconfig.WriteAsync(path, "slipway-staging", new Uri("http://127.0.0.1:30002/"), Ct);

        IReadOnlyDictionary<string, string> servers = Kubeconfig.ReadServers(await File.ReadAllTextAsync(path, Ct));
        servers.ShouldBe(new SortedDictionary<string, string>(StringComparer.Ordinal) { ["slipway-dev"] = "http://127.0.0.1:30001", ["slipway-staging"] = "http://127.0.0.1:30002" });
        (await File.ReadAllTextAsync(path, Ct)).ShouldContain("current-context: slipway-staging");
    }

    [Theory]
    [InlineData("kubeconfig")]
    [InlineData("lock")]
    [InlineData("images.yaml")]
    [InlineData("state.json")]
    public void A_name_that_is_a_shared_file_is_refused_naming_the_clash(string name)
    {
        SlipwayException error = Should.Throw<SlipwayException>(() => LocalClusterLayout.Options(_shared.Path, name));

        error.Kind.ShouldBe(FailureKind.Input);
        error.Message.ShouldContain($".nuke/temp/local-cluster/{name} would be the shared file");
        error.Message.ShouldContain($"environments/{name}/");
    }

    [Theory]
    [InlineData("../staging")]
    [InlineData("")]
    [InlineData("Staging")]
    [InlineData("a/b")]
    public void A_name_that_is_no_folder_of_its_own_is_refused(string name)
    {
        SlipwayException error = Should.Throw<SlipwayException>(() => LocalClusterLayout.StateDirectory(_shared.Path, name));

        error.Kind.ShouldBe(FailureKind.Input);
        error.Message.ShouldContain($"'{name}' cannot name a local cluster");
    }

    [Fact]
    public async Task The_single_cluster_of_earlier_versions_is_set_aside_with_a_message_once()
    {
        await using (LocalClusterHandle single = await LocalClusterHost.StartAsync(new LocalClusterOptions { StateDirectory = _shared.Path }, Ct))
        {
            await single.SaveAsync(Ct);
        }

        string? message = await SingleClusterState.SetAsideAsync(_shared.Path, DateTimeOffset.UtcNow, Ct);
        string? again = await SingleClusterState.SetAsideAsync(_shared.Path, DateTimeOffset.UtcNow, Ct);

        string aside = Directory.GetDirectories(_shared.Path, "single-cluster.*").ShouldHaveSingleItem();
        message.ShouldNotBeNull().ShouldContain(aside);
        message.ShouldContain("./build.sh DeployStaging");
        again.ShouldBeNull();
        File.Exists(Path.Combine(aside, "state.json")).ShouldBeTrue();
        File.Exists(Path.Combine(aside, "kubeconfig")).ShouldBeTrue();
        File.Exists(_shared.Combine("state.json")).ShouldBeFalse();
        File.Exists(_shared.Combine("kubeconfig")).ShouldBeFalse();
    }

    [Fact]
    public async Task The_single_cluster_is_not_moved_while_an_earlier_version_serves_it()
    {
        _shared.Write("state.json", "{}");
        using var held = new FileStream(_shared.Combine("lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => SingleClusterState.SetAsideAsync(_shared.Path, DateTimeOffset.UtcNow, Ct));

        error.Kind.ShouldBe(FailureKind.Refused);
        error.Message.ShouldContain("Stop that run (Ctrl+C)");
        File.Exists(_shared.Combine("state.json")).ShouldBeTrue();
    }

    private Kubernetes Client(string context)
        => new(KubernetesClientConfiguration.BuildConfigFromConfigFile(_shared.Combine("kubeconfig"), currentContext: context));
}
