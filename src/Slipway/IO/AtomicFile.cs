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

    public static async Task WriteAllBytesAsync(string path, ReadOnlyMemory<byte> contents, CancellationToken cancellationToken)
    {
        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath)!;
        CreateDirectory(directory, fullPath);
        string tempPath = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(contents, cancellationToken).ConfigureAwait(false);
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
