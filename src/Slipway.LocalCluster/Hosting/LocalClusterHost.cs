using System.Diagnostics;
using Slipway.IO;
using Slipway.LocalCluster.Api;
using Slipway.LocalCluster.Charts;
using Slipway.LocalCluster.Images;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Hosting;

/// <summary>
/// Starts the local cluster on a state directory. The first process takes the directory's lock, loads <c>state.json</c>,
/// serves on 127.0.0.1, writes <c>endpoint.json</c> and <c>kubeconfig</c>, and runs the registered controllers. A second
/// start on the same directory (another run of the build, or another host in this process) finds the lock taken and
/// connects to the serving process instead (<see cref="LocalClusterHandle.IsOwned"/> false). When the lock holder cannot
/// be reached it waits up to <see cref="LocalClusterOptions.LockWait"/>, then fails saying who holds the lock.
/// </summary>
public static class LocalClusterHost
{
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan s_probeTimeout = TimeSpan.FromSeconds(2);

    public static async Task<LocalClusterHandle> StartAsync(LocalClusterOptions options, CancellationToken cancellationToken)
    {
        string stateDirectory = Path.GetFullPath(options.StateDirectory);
        WritableFolder.Ensure(stateDirectory, "the local cluster's state folder");
        var images = new ImageCatalog(options.ResolvedImageCatalogPath);
        string kubeconfigPath = Path.GetFullPath(options.ResolvedKubeconfigPath);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            FileLock? stateLock = StateLock.TryAcquire(stateDirectory);
            if (stateLock is not null)
            {
                return await StartOwnedAsync(options, stateDirectory, images, stateLock, cancellationToken).ConfigureAwait(false);
            }

            // Hold clients.lock (shared) before looking: the server cannot start stopping while we decide to use it.
            FileLock? clientHold = ClientsLock.TryShare(stateDirectory);
            EndpointFile? endpoint = EndpointFile.TryRead(stateDirectory);
            if (clientHold is not null && endpoint is not null && await IsServingAsync(endpoint.Url, cancellationToken).ConfigureAwait(false))
            {
                return new LocalClusterHandle(new Uri(endpoint.Url), new(kubeconfigPath, options.ContextName), images, endpoint.ProcessId, owned: null, clientHold);
            }

            clientHold?.Dispose();

            if (waited.Elapsed >= options.LockWait)
            {
                string holder = endpoint is null
                    ? "another process"
                    : $"pid {endpoint.ProcessId} since {endpoint.Since:yyyy-MM-dd HH:mm:ss}Z ({endpoint.Url} does not answer)";
                throw SlipwayException.Refused(
                    $"The local cluster is busy: {Path.Combine(stateDirectory, StateLock.FileName)} is held by {holder}. "
                    + $"Waited {options.LockWait.TotalSeconds:0.#} s. Stop that run (or wait for it) and try again.");
            }

            await Task.Delay(s_pollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Serves the cluster until <paramref name="cancellationToken"/> is cancelled (Ctrl+C), as <c>./build.sh LocalCluster</c>
    /// does. When another process already serves it, says so and returns at once.
    /// </summary>
    public static Task ServeAsync(LocalClusterOptions options, ILog log, CancellationToken cancellationToken)
        => ServeAsync([options], log, cancellationToken);

    /// <summary>
    /// Serves every cluster of <paramref name="clusters"/> (started together) until <paramref name="cancellationToken"/> is
    /// cancelled, printing each one's address and kubectl command; one another process already serves is only reported.
    /// Returns at once when other processes serve all of them. When one cannot start, the others stop again.
    /// </summary>
    public static async Task ServeAsync(IReadOnlyList<LocalClusterOptions> clusters, ILog log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        Task<LocalClusterHandle>[] starts = [.. clusters.Select(options => StartAsync(options, cancellationToken))];
        try
        {
            await Task.WhenAll(starts).ConfigureAwait(false);
        }
        catch
        {
            foreach (Task<LocalClusterHandle> started in starts.Where(static t => t.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }

        LocalClusterHandle[] handles = [.. starts.Select(static t => t.Result)];
        try
        {
            for (int i = 0; i < handles.Length; i++)
            {
                LocalClusterHandle cluster = handles[i];
                log.Info(cluster.IsOwned
                    ? $"Local cluster serving at {cluster.BaseAddress} as context {cluster.ContextName} (state in {Path.GetFullPath(clusters[i].StateDirectory)})."
                    : $"The local cluster is already served at {cluster.BaseAddress} as context {cluster.ContextName} by pid {cluster.ServerProcessId}.");
                log.Info(cluster.KubectlHint);
            }

            if (!handles.Any(static h => h.IsOwned))
            {
                return;
            }

            log.Info("Press Ctrl+C to stop.");
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            log.Info(handles.Length == 1
                ? "Stopping the local cluster (after any other run still using it) and saving its state."
                : "Stopping the local clusters (each after any other run still using it) and saving their state.");
        }
        finally
        {
            await Task.WhenAll(handles.Select(static h => h.DisposeAsync().AsTask())).ConfigureAwait(false);
        }
    }

    private static async Task<LocalClusterHandle> StartOwnedAsync(
        LocalClusterOptions options,
        string stateDirectory,
        ImageCatalog images,
        FileLock stateLock,
        CancellationToken cancellationToken)
    {
        try
        {
            var stateFile = new StateFile(stateDirectory);
            Task<InMemoryResourceStore> loading = Task.Run(() => stateFile.Load(options.TimeProvider, options.WatchHistory, options.ResetCommand), cancellationToken);
            await images.EnsureCreatedAsync(options.SeedImages, cancellationToken).ConfigureAwait(false);
            ApiServer server;
            try
            {
                server = await ApiServer.StartAsync(loading, images, options.ResolvedChartMirrorDirectory is string charts ? new ChartMirror(charts) : null, new ApiServerSettings(options.Port, options.WatchBookmarkInterval), cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                throw SlipwayException.Failed($"Cannot serve the local cluster on 127.0.0.1:{options.Port}: {ex.Message}. Free that port or choose another (0 picks a free one).", ex);
            }

            Uri baseAddress = server.BaseAddress;
            InMemoryResourceStore store = await loading.ConfigureAwait(false);
            DateTimeOffset since = options.TimeProvider.GetUtcNow();
            await new EndpointFile(baseAddress.ToString().TrimEnd('/'), Environment.ProcessId, since).WriteAsync(stateDirectory, cancellationToken).ConfigureAwait(false);
            string kubeconfigPath = await Kubeconfig.WriteAsync(Path.GetFullPath(options.ResolvedKubeconfigPath), options.ContextName, baseAddress, cancellationToken).ConfigureAwait(false);

            var stop = new CancellationTokenSource();
            var context = new LocalClusterContext(store, images, options, baseAddress);
            List<Task> background = [Task.Run(() => stateFile.RunAsync(store, options.SaveDelay, TimeProvider.System, stop.Token), CancellationToken.None)];
            foreach (Func<LocalClusterContext, IClusterController> factory in options.Controllers)
            {
                IClusterController controller = factory(context);
                background.Add(Task.Run(() => RunControllerAsync(controller, stop.Token), CancellationToken.None));
            }

            var owned = new LocalClusterHandle.Owned
            {
                Store = store,
                Server = server,
                Lock = stateLock,
                StateFile = stateFile,
                StateDirectory = stateDirectory,
                Stop = stop,
                Background = background,
                ClientsWait = options.ClientsWait,
            };
            return new LocalClusterHandle(baseAddress, new(kubeconfigPath, options.ContextName), images, Environment.ProcessId, owned, clientHold: null);
        }
        catch
        {
            stateLock.Dispose();
            throw;
        }
    }

    private static async Task RunControllerAsync(IClusterController controller, CancellationToken cancellationToken)
    {
        try
        {
            await controller.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A failing controller stops alone; the API server and the other controllers go on.
            Trace.TraceError($"Local cluster controller {controller.GetType().Name} stopped: {ex}");
        }
    }

    private static async Task<bool> IsServingAsync(string url, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = s_probeTimeout };
        try
        {
            using HttpResponseMessage response = await client.GetAsync(new Uri(new Uri(url), "/version"), cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
