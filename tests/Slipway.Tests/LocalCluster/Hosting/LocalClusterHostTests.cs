using System.Text.Json;
using k8s;
using k8s.Models;
using Slipway.LocalCluster;
using Slipway.LocalCluster.Hosting;
using Slipway.Processes;
using Slipway.Tests.Support;

namespace Slipway.Tests.LocalCluster.Hosting;

public sealed class LocalClusterHostTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Start_writes_a_kubeconfig_and_an_endpoint_that_clients_use()
    {
        await using LocalClusterHandle cluster = await StartAsync();

        cluster.IsOwned.ShouldBeTrue();
        cluster.Store.ShouldNotBeNull();
        string kubeconfig = await File.ReadAllTextAsync(cluster.KubeconfigPath, Ct);
        kubeconfig.ShouldContain($"server: {cluster.BaseAddress.GetLeftPart(UriPartial.Authority)}");
        kubeconfig.ShouldContain("current-context: slipway-local");
        using var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(cluster.KubeconfigPath));
        (await client.CoreV1.ListNamespaceAsync(cancellationToken: Ct)).Items.Count.ShouldBe(4);
        using JsonDocument endpoint = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_directory.Path, "endpoint.json"), Ct));
        endpoint.RootElement.GetProperty("pid").GetInt32().ShouldBe(Environment.ProcessId);
    }

    [Fact]
    public async Task State_survives_a_restart()
    {
        string resourceVersion;
        await using (LocalClusterHandle first = await StartAsync())
        {
            using Kubernetes client = Client(first);
            V1ConfigMap created = await client.CoreV1.CreateNamespacedConfigMapAsync(
                new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "kept" }, Data = new Dictionary<string, string> { ["k"] = "v" } }, "default", cancellationToken: Ct);
            resourceVersion = created.Metadata.ResourceVersion;
        }

        File.Exists(Path.Combine(_directory.Path, "endpoint.json")).ShouldBeFalse();
        await using LocalClusterHandle second = await StartAsync();
        using Kubernetes again = Client(second);
        V1ConfigMap kept = await again.CoreV1.ReadNamespacedConfigMapAsync("kept", "default", cancellationToken: Ct);
        kept.Data["k"].ShouldBe("v");
        kept.Metadata.ResourceVersion.ShouldBe(resourceVersion);
        V1ConfigMap next = await again.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "next" } }, "default", cancellationToken: Ct);
        long.Parse(next.Metadata.ResourceVersion).ShouldBeGreaterThan(long.Parse(resourceVersion));
    }

    [Fact]
    public async Task A_second_start_connects_to_the_serving_cluster()
    {
        await using LocalClusterHandle owner = await StartAsync();
        LocalClusterHandle guest = await StartAsync();

        guest.IsOwned.ShouldBeFalse();
        guest.Store.ShouldBeNull();
        guest.BaseAddress.ShouldBe(owner.BaseAddress);
        guest.ServerProcessId.ShouldBe(Environment.ProcessId);
        await guest.DisposeAsync();
        using Kubernetes client = Client(owner);
        (await client.CoreV1.ListNamespaceAsync(cancellationToken: Ct)).Items.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task The_serving_run_does_not_stop_under_a_run_still_using_it()
    {
        LocalClusterHandle owner = await StartAsync();
        LocalClusterHandle guest = await StartAsync();

        Task stopping = owner.DisposeAsync().AsTask();
        await Task.Delay(300, Ct);

        stopping.IsCompleted.ShouldBeFalse();
        using Kubernetes client = Client(guest);
        (await client.CoreV1.ListNamespaceAsync(cancellationToken: Ct)).Items.ShouldNotBeEmpty();
        await guest.DisposeAsync();
        await stopping.WaitAsync(TimeSpan.FromSeconds(10), Ct);
    }

    [Fact]
    public async Task A_stopping_run_waits_for_clients_only_as_long_as_told()
    {
        LocalClusterHandle owner = await LocalClusterHost.StartAsync(
            new LocalClusterOptions { StateDirectory = _directory.Path, ClientsWait = TimeSpan.FromMilliseconds(200) }, Ct);
        await using LocalClusterHandle guest = await StartAsync();

        await owner.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10), Ct);

        File.Exists(Path.Combine(_directory.Path, "endpoint.json")).ShouldBeFalse();
    }

    [Fact]
    public async Task Two_hosts_writing_at_once_keep_every_write_and_a_readable_state()
    {
        await using (LocalClusterHandle owner = await StartAsync())
        await using (LocalClusterHandle guest = await StartAsync())
        {
            using Kubernetes first = Client(owner);
            using Kubernetes second = Client(guest);
            await Task.WhenAll(
                CreateManyAsync(first, "a"),
                CreateManyAsync(second, "b"));
        }

        using JsonDocument state = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(_directory.Path, "state.json"), Ct));
        state.RootElement.GetProperty("objects").EnumerateArray().Count(o => o.GetProperty("kind").GetString() == "ConfigMap").ShouldBe(40);
        Directory.GetFiles(_directory.Path, "*.tmp").ShouldBeEmpty();

        static async Task CreateManyAsync(Kubernetes client, string prefix)
        {
            for (int i = 0; i < 20; i++)
            {
                await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = $"{prefix}{i}" } }, "default", cancellationToken: Ct);
            }
        }
    }

    [Fact]
    public async Task A_lock_held_by_an_unreachable_process_fails_clearly_after_the_wait()
    {
        await File.WriteAllTextAsync(
            Path.Combine(_directory.Path, "endpoint.json"), """{"url":"http://127.0.0.1:9","pid":4242,"since":"2026-01-02T03:04:05+00:00"}""", Ct);
        using var held = new FileStream(Path.Combine(_directory.Path, "lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => StartAsync(TimeSpan.FromMilliseconds(300)));

        error.Kind.ShouldBe(FailureKind.Refused);
        error.Message.ShouldContain("The local cluster is busy");
        error.Message.ShouldContain("pid 4242 since 2026-01-02 03:04:05Z");
    }

    [Fact]
    public async Task The_lock_excludes_another_process()
    {
        await using LocalClusterHandle owner = await StartAsync();

        // flock(1) from another process cannot take the lock this process holds (-n: fail at once, exit 1).
        ProcessResult other = await new Slipway.Processes.ProcessRunner().RunAsync(
            new ProcessRequest("flock", ["-n", Path.Combine(_directory.Path, "lock"), "true"]) { Timeout = TimeSpan.FromSeconds(10), IsSuccess = _ => true },
            Ct);

        other.ExitCode.ShouldBe(1);
    }

    [Fact]
    public async Task A_lock_held_by_another_process_keeps_this_one_out()
    {
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        Task holder = new Slipway.Processes.ProcessRunner().RunAsync(
            new ProcessRequest("flock", [Path.Combine(_directory.Path, "lock"), "sh", "-c", "echo held; sleep 1"]) { Timeout = TimeSpan.FromSeconds(20), OnOutputLine = lines.Enqueue },
            Ct);
        while (!lines.Contains("held"))
        {
            await Task.Delay(20, Ct);
        }

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => StartAsync(TimeSpan.FromMilliseconds(200)));
        error.Message.ShouldContain("held by another process");
        await holder;
        await using LocalClusterHandle after = await StartAsync();
        after.IsOwned.ShouldBeTrue();
    }

    [Fact]
    public async Task A_waiting_start_takes_over_when_the_lock_is_released()
    {
        var held = new FileStream(Path.Combine(_directory.Path, "lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        Task<LocalClusterHandle> waiting = StartAsync(TimeSpan.FromSeconds(20));
        await Task.Delay(200, Ct);
        waiting.IsCompleted.ShouldBeFalse();

        await held.DisposeAsync();
        await using LocalClusterHandle cluster = await waiting;

        cluster.IsOwned.ShouldBeTrue();
    }

    [Fact]
    public async Task A_port_in_use_is_a_clear_failure()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(
            () => LocalClusterHost.StartAsync(new LocalClusterOptions { StateDirectory = _directory.Path, Port = port }, Ct));

        error.Message.ShouldContain($"127.0.0.1:{port}");
        error.Kind.ShouldBe(FailureKind.Failed);
        await using LocalClusterHandle afterwards = await StartAsync();
        afterwards.IsOwned.ShouldBeTrue();
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{\"resourceVersion\": 12, \"objects\": [{\"apiVersion\": \"v1\", \"kind\": \"Namespace\", \"metadata\": {\"na")]
    [InlineData("")]
    public async Task A_corrupt_or_truncated_state_is_refused_naming_the_file_and_the_reset_command(string contents)
    {
        string state = Path.Combine(_directory.Path, "state.json");
        await File.WriteAllTextAsync(state, contents, Ct);

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => StartAsync());

        error.Kind.ShouldBe(FailureKind.Input);
        error.Message.ShouldContain(state);
        error.Message.ShouldContain("./build.sh LocalCluster --reset");
        (await File.ReadAllTextAsync(state, Ct)).ShouldBe(contents);
        Directory.GetFiles(_directory.Path).Select(Path.GetFileName).ShouldNotContain(f => f!.StartsWith("state.json.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reset_moves_the_state_aside_and_the_cluster_starts_empty()
    {
        string state = Path.Combine(_directory.Path, "state.json");
        await File.WriteAllTextAsync(state, "{ not json", Ct);
        var log = new RecordingLog();

        LocalClusterCommands.Reset(_directory.Path, TimeProvider.System, log);

        File.Exists(state).ShouldBeFalse();
        string aside = Directory.GetFiles(_directory.Path, "state.json.reset-*").ShouldHaveSingleItem();
        (await File.ReadAllTextAsync(aside, Ct)).ShouldBe("{ not json");
        log.Lines.ShouldContain(l => l.Contains(aside, StringComparison.Ordinal));
        await using LocalClusterHandle cluster = await StartAsync();
        cluster.Store!.List(Slipway.LocalCluster.Store.KnownResourceTypes.Namespace, null).Count.ShouldBe(4);
    }

    [Fact]
    public async Task Reset_is_refused_while_the_cluster_is_served()
    {
        await using LocalClusterHandle cluster = await StartAsync();

        SlipwayException error = Should.Throw<SlipwayException>(() => LocalClusterCommands.Reset(_directory.Path, TimeProvider.System, new RecordingLog()));

        error.Kind.ShouldBe(FailureKind.Refused);
        error.Message.ShouldContain($"pid {Environment.ProcessId}");
    }

    [Fact]
    public async Task Registered_controllers_run_until_the_cluster_stops()
    {
        var controller = new RecordingController();
        LocalClusterHandle cluster = await LocalClusterHost.StartAsync(
            new LocalClusterOptions { StateDirectory = _directory.Path, Controllers = [context => controller.WithContext(context)] }, Ct);
        await controller.Started.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        await cluster.DisposeAsync();

        controller.Stopped.ShouldBeTrue();
        controller.Context!.Store.ShouldBeSameAs(cluster.Store);
    }

    [Fact]
    public async Task Serve_reports_where_the_cluster_is_until_cancelled()
    {
        var log = new RecordingLog();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        stop.CancelAfter(TimeSpan.FromMilliseconds(500));

        await LocalClusterHost.ServeAsync(new LocalClusterOptions { StateDirectory = _directory.Path }, log, stop.Token);

        log.Lines.ShouldContain(l => l.StartsWith("info: Local cluster serving at http://127.0.0.1:", StringComparison.Ordinal));
        log.Lines.ShouldContain($"info: kubectl --kubeconfig {Path.Combine(_directory.Path, "kubeconfig")} --context slipway-local get pods -A");
        File.Exists(Path.Combine(_directory.Path, "state.json")).ShouldBeTrue();
    }

    private Task<LocalClusterHandle> StartAsync(TimeSpan? lockWait = null)
        => LocalClusterHost.StartAsync(new LocalClusterOptions { StateDirectory = _directory.Path, LockWait = lockWait ?? TimeSpan.FromSeconds(5) }, Ct);

    private static Kubernetes Client(LocalClusterHandle cluster) => new(new KubernetesClientConfiguration { Host = cluster.BaseAddress.ToString() });

    private sealed class RecordingController : IClusterController
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Stopped { get; private set; }

        public LocalClusterContext? Context { get; private set; }

        public IClusterController WithContext(LocalClusterContext context)
        {
            Context = context;
            return this;
        }

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            Started.SetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            finally
            {
                Stopped = true;
            }
        }
    }
}
