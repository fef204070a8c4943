using Microsoft.AspNetCore.Builder;
using Slipway.LocalCluster.Images;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Hosting;

/// <summary>
/// A running local cluster, or a connection to one another process serves. When <see cref="IsOwned"/> is false this
/// process did not start the server: <see cref="Store"/> is null (talk to <see cref="BaseAddress"/> over HTTP) and disposing
/// changes nothing on the server. Disposing an owned cluster stops its controllers, stops serving, writes the state and
/// releases the lock.
/// </summary>
public sealed class LocalClusterHandle : IAsyncDisposable
{
    private static readonly TimeSpan s_stopTimeout = TimeSpan.FromSeconds(5);

    private readonly Owned? _owned;
    private int _disposed;

    internal LocalClusterHandle(Uri baseAddress, string kubeconfigPath, ImageCatalog images, int? serverProcessId, Owned? owned)
    {
        BaseAddress = baseAddress;
        KubeconfigPath = kubeconfigPath;
        Images = images;
        ServerProcessId = serverProcessId;
        _owned = owned;
    }

    public Uri BaseAddress { get; }

    public string KubeconfigPath { get; }

    /// <summary>The store, when this process serves the cluster; null when it is connected to another process's server.</summary>
    public IResourceStore? Store => _owned?.Store;

    public bool IsOwned => _owned is not null;

    /// <summary>The image catalogue (the same file the serving process reads).</summary>
    public ImageCatalog Images { get; }

    /// <summary>The process that serves the cluster (this one when owned), when known.</summary>
    public int? ServerProcessId { get; }

    /// <summary>Set when the saved state could not be read and was moved aside (the cluster started empty).</summary>
    public string? StartupWarning => _owned?.StartupWarning;

    /// <summary>Writes the state now if it changed (an owned cluster also does this on its own, shortly after changes).</summary>
    public Task SaveAsync(CancellationToken cancellationToken)
        => _owned is null ? Task.CompletedTask : _owned.StateFile.SaveAsync(_owned.Store, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1 || _owned is null)
        {
            return;
        }

        Owned owned = _owned;
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
                await owned.App.StopAsync(stopTimeout.Token).ConfigureAwait(false);
                await owned.App.DisposeAsync().ConfigureAwait(false);
                await owned.StateFile.SaveAsync(owned.Store, CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                EndpointFile.Delete(owned.StateDirectory);
                owned.Lock.Dispose();
                owned.Stop.Dispose();
            }
        }
    }

    /// <summary>What only the serving process has.</summary>
    internal sealed record Owned(
        InMemoryResourceStore Store,
        WebApplication App,
        StateLock Lock,
        StateFile StateFile,
        string StateDirectory,
        CancellationTokenSource Stop,
        IReadOnlyList<Task> Background,
        string? StartupWarning);
}
