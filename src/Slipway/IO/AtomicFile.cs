using System.Text;

namespace Slipway.IO;

/// <summary>
/// Writes files atomically: a temp file in the same folder, flushed, then renamed over the target. A file system that
/// refuses (read-only, full, no permission) is a <see cref="SlipwayException"/> naming the file and why (<see cref="WriteFailure"/>).
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding s_utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static Task WriteAllTextAsync(string path, string contents, CancellationToken cancellationToken)
        => WriteAllBytesAsync(path, s_utf8NoBom.GetBytes(contents), cancellationToken);

    public static Task WriteAllBytesAsync(string path, ReadOnlyMemory<byte> contents, CancellationToken cancellationToken)
        => WriteAsync(path, (stream, token) => stream.WriteAsync(contents, token).AsTask(), cancellationToken);

    /// <summary>
    /// Writes the file through <paramref name="write"/>, which gets the temp file's stream: for contents too large to hold in
    /// memory twice (the local cluster's state), written as they are produced. Nothing is renamed when it fails.
    /// </summary>
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath)!;
        CreateDirectory(directory, fullPath);
        string tempPath = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await write(stream, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(tempPath, fullPath, overwrite: true);
        }
        catch (Exception error) when (WriteFailure.Is(error))
        {
            TryDelete(tempPath);
            throw WriteFailure.From(fullPath, error);
        }
        catch
        {
            TryDelete(tempPath);
            throw;
        }
    }

    /// <summary>Synchronous variant for places that cannot await (shutdown handlers).</summary>
    public static void WriteAllText(string path, string contents)
    {
        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath)!;
        CreateDirectory(directory, fullPath);
        string tempPath = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(tempPath, contents, s_utf8NoBom);
            File.Move(tempPath, fullPath, overwrite: true);
        }
        catch (Exception error) when (WriteFailure.Is(error))
        {
            TryDelete(tempPath);
            throw WriteFailure.From(fullPath, error);
        }
        catch
        {
            TryDelete(tempPath);
            throw;
        }
    }

    private static void CreateDirectory(string directory, string file)
    {
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception error) when (WriteFailure.Is(error))
        {
            throw WriteFailure.From(file, error);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
