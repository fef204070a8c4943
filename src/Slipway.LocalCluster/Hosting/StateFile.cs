using System.Globalization;
using System.Text.Json;
using Slipway.IO;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Hosting;

/// <summary>
/// <c>state.json</c>: the whole store, written atomically (temp file + rename) by the process that holds the lock, a short
/// while after changes and when it stops. A state file that cannot be read (corrupt, truncated) is refused, untouched:
/// the cluster does not start, and the error names the file and the reset command that moves it aside
/// (<see cref="Reset"/>), so nothing is lost silently.
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

    /// <exception cref="SlipwayException">Bad input (exit 2): the state cannot be read.</exception>
    public InMemoryResourceStore Load(TimeProvider timeProvider, int historyCapacity, string resetCommand)
    {
        if (File.Exists(_path))
        {
            try
            {
                InMemoryResourceStore loaded = InMemoryResourceStore.ImportState(File.ReadAllBytes(_path), KnownResourceTypes.All, timeProvider, historyCapacity);
                loaded.EnsureDefinitions();
                _savedVersion = loaded.CurrentResourceVersion;
                return loaded;
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or ArgumentException or StoreException)
            {
                throw SlipwayException.Input(
                    $"The local cluster state {_path} cannot be read ({ex.Message}); it is left as it is. "
                    + $"To move it aside and start the cluster empty, run: {resetCommand}");
            }
        }

        return new InMemoryResourceStore(KnownResourceTypes.All, timeProvider, historyCapacity, createInitialNamespaces: true);
    }

    /// <summary>Moves the state aside (<c>state.json.reset-&lt;time&gt;</c>); returns where, or null when there was none.</summary>
    public static string? Reset(string stateDirectory, DateTimeOffset now)
    {
        string path = Path.Combine(stateDirectory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        string aside = $"{path}.reset-{now.UtcDateTime.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture)}";
        File.Move(path, aside);
        return aside;
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

            await AtomicFile.WriteAsync(_path, store.ExportStateAsync, cancellationToken).ConfigureAwait(false);
            _savedVersion = version;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Saves <paramref name="delay"/> after the last save while there are changes, until cancelled. A large state waits longer:
    /// at least nine times as long as its last save took, so that saving takes at most a tenth of the time (a store of 10,000
    /// pods is ~25 MB to write and fsync; saving it five times a second was a third of the cluster's work under load).
    /// </summary>
    public async Task RunAsync(InMemoryResourceStore store, TimeSpan delay, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        TimeSpan wait = delay;
        try
        {
            while (true)
            {
                await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
                long started = timeProvider.GetTimestamp();
                await SaveAsync(store, cancellationToken).ConfigureAwait(false);
                TimeSpan took = timeProvider.GetElapsedTime(started);
                wait = took * 9 > delay ? took * 9 : delay;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
