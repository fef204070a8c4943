namespace Slipway.IO;

/// <summary>
/// Before waiting for a lock file: a folder that cannot be written (read-only, full, a file in the way) looks exactly like
/// a lock another run holds, so it is said at once (<see cref="WriteFailure"/>, exit 1) instead of after the wait.
/// </summary>
public static class WritableFolder
{
    public static void Ensure(string folder, string what)
    {
        string probe = Path.Combine(folder, $".write-check.{Environment.ProcessId}.{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(folder);
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception error) when (WriteFailure.Is(error))
        {
            throw WriteFailure.From(folder, error, what);
        }
    }
}
