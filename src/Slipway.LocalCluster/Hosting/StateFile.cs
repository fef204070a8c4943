using System.Text.Json;
using Slipway.IO;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Hosting;

/// <summary>
/// <c>state.json</c>: the whole store, written atomically (temp file + rename) by the process that holds the lock, a short
/// while after changes and when it stops. A state file that cannot be read is moved aside (<c>state.json.corrupt-…</c>) and
/// the cluster starts empty: the local cluster is a cache that the GitOps repository can rebuild.
/// </summary>
internal sealed class StateFile
{
    public const string FileName = "state.json";

    private readonly string _path;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _savedVersion = -1;

    public StateFile(string stateDirectory)
    {
        _path = Path.Combine(stateDirectory, FileName);
    }

    public InMemoryResourceStore Load(TimeProvider timeProvider, int historyCapacity, out string? warning)
    {
        warning = null;
        if (File.Exists(_path))
        {
            try
            {
                InMemoryResourceStore loaded = InMemoryResourceStore.ImportState(File.ReadAllBytes(_path), KnownResourceTypes.All, timeProvider, historyCapacity);
                _savedVersion = loaded.CurrentResourceVersion;
                return loaded;
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
            {
                string aside = $"{_path}.corrupt-{timeProvider.GetUtcNow():yyyyMMddHHmmss}";
                File.Move(_path, aside, overwrite: true);
                warning = $"The local cluster state {_path} could not be read ({ex.Message}); it was moved to {aside} and the cluster starts empty.";
            }
        }

        var store = new InMemoryResourceStore(KnownResourceTypes.All, timeProvider, historyCapacity, createInitialNamespaces: true);
        return store;
    }

    /// <summary>Writes the store when it changed since the last write.</summary>
    public async Task SaveAsync(InMemoryResourceStore store, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            long version = store.CurrentResourceVersion;
            if (version == _savedVersion)
            {
                return;
            }

            await AtomicFile.WriteAllBytesAsync(_path, store.ExportState(), cancellationToken).ConfigureAwait(false);
            _savedVersion = version;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Saves every <paramref name="delay"/> while there are changes, until cancelled.</summary>
    public async Task RunAsync(InMemoryResourceStore store, TimeSpan delay, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(delay, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                await SaveAsync(store, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
