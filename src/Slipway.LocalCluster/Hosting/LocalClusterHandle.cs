using Slipway.IO;
using Slipway.LocalCluster.Api;
using Slipway.LocalCluster.Images;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Hosting;

/// <summary>
/// A running local cluster, or a connection to one another process serves. When <see cref="IsOwned"/> is false this
/// process did not start the server: <see cref="Store"/> is null (talk to <see cref="BaseAddress"/> over HTTP), and until it is
/// disposed the serving process will not stop under it. Disposing an owned cluster waits for such clients (up to
/// <see cref="LocalClusterOptions.ClientsWait"/>), then stops its controllers, stops serving, writes the state and releases
/// the lock.
/// </summary>
public sealed class LocalClusterHandle : IAsyncDisposable
{
    private static readonly TimeSpan s_stopTimeout = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan s_clientsPoll = TimeSpan.FromMilliseconds(100);

    private readonly Owned? _owned;
    private readonly FileLock? _clientHold;
    private int _disposed;

    internal LocalClusterHandle(Uri baseAddress, KubeconfigContext kubeconfig, ImageCatalog images, int? serverProcessId, Owned? owned, FileLock? clientHold)
    {
        _clientHold = clientHold;
        BaseAddress = baseAddress;
        KubeconfigPath = kubeconfig.Path;
        ContextName = kubeconfig.Context;
        Images = images;
        ServerProcessId = serverProcessId;
        _owned = owned;
    }

    public Uri BaseAddress { get; }

    public string KubeconfigPath { get; }

    /// <summary>This cluster's context in <see cref="KubeconfigPath"/> (a file other clusters' contexts may share).</summary>
    public string ContextName { get; }

    /// <summary>The kubectl command that lists this cluster's pods.</summary>
    public string KubectlHint => $"kubectl --kubeconfig {KubeconfigPath} --context {ContextName} get pods -A";

    /// <summary>The store, when this process serves the cluster; null when it is connected to another process's server.</summary>
    public IResourceStore? Store => _owned?.Store;

    public bool IsOwned => _owned is not null;

    /// <summary>The image catalogue (the same file the serving process reads).</summary>
    public ImageCatalog Images { get; }

    /// <summary>The process that serves the cluster (this one when owned), when known.</summary>
    public int? ServerProcessId { get; }

    /// <summary>Writes the state now if it changed (an owned cluster also does this on its own, shortly after changes).</summary>
    public Task SaveAsync(CancellationToken cancellationToken)
        => _owned is null ? Task.CompletedTask : _owned.StateFile.SaveAsync(_owned.Store, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (_owned is null)
        {
            _clientHold?.Dispose();
            return;
        }

        Owned owned = _owned;
        FileLock? exclusive = await WaitForClientsAsync(owned).ConfigureAwait(false);
        try
        {
            await owned.Stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(owned.Background).WaitAsync(s_stopTimeout).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            // A controller that does not stop in time is left behind; the state is still written below.
        }
        finally
        {
            try
            {
                using var stopTimeout = new CancellationTokenSource(s_stopTimeout);
                await owned.Server.StopAsync(stopTimeout.Token).ConfigureAwait(false);
                await owned.Server.DisposeAsync().ConfigureAwait(false);
                await owned.StateFile.SaveAsync(owned.Store, CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                EndpointFile.Delete(owned.StateDirectory);
                owned.Lock.Dispose();
                exclusive?.Dispose();
                owned.Stop.Dispose();
            }
        }
    }

    /// <summary>
    /// Waits until no other run uses the cluster (none holds <c>clients.lock</c>) and keeps them out while stopping; after
    /// <see cref="LocalClusterOptions.ClientsWait"/> it stops anyway (returns null).
    /// </summary>
    private static async Task<FileLock?> WaitForClientsAsync(Owned owned)
    {
        DateTime deadline = DateTime.UtcNow + owned.ClientsWait;
        while (true)
        {
            if (ClientsLock.TryExclusive(owned.StateDirectory) is FileLock exclusive)
            {
                return exclusive;
            }

            if (DateTime.UtcNow >= deadline)
            {
                return null;
            }

            await Task.Delay(s_clientsPoll).ConfigureAwait(false);
        }
    }

    /// <summary>Where the cluster's context is: the kubeconfig file and the context's name in it.</summary>
    internal readonly record struct KubeconfigContext(string Path, string Context);

    /// <summary>What only the serving process has.</summary>
    internal sealed record Owned
    {
        public required InMemoryResourceStore Store { get; init; }

        public required ApiServer Server { get; init; }

        public required FileLock Lock { get; init; }

        public required StateFile StateFile { get; init; }

        public required string StateDirectory { get; init; }

        public required CancellationTokenSource Stop { get; init; }

        public required IReadOnlyList<Task> Background { get; init; }

        public required TimeSpan ClientsWait { get; init; }
    }
}
