namespace Slipway.IO;

/// <summary>
/// A file or folder that could not be written (read-only file system, disk full, no permission, a file where a folder
/// should be): one message that says what, where and why, and what to do — exit 1, never a stack trace.
/// </summary>
public static class WriteFailure
{
    /// <summary>True for the errors the file system gives a write: <see cref="IOException"/> and <see cref="UnauthorizedAccessException"/>.</summary>
    public static bool Is(Exception error) => error is IOException or UnauthorizedAccessException;

    /// <summary>"Could not write PATH: REASON. FIX".</summary>
    public static SlipwayException From(string path, Exception error, string? what = null)
        => SlipwayException.Failed(
            $"Could not write {what ?? "to"} {path}: {Reason(error)}. Make sure {Folder(path)} is a writable folder with free space (or delete what is in the way), then run again.",
            error);

    /// <summary>The system's reason without the path .NET appends (<c>Read-only file system : '/x'</c> → <c>read-only file system</c>).</summary>
    public static string Reason(Exception error)
    {
        string message = error.Message;
        int at = message.IndexOf(" : '", StringComparison.Ordinal);
        string reason = (at > 0 ? message[..at] : message).Trim().TrimEnd('.');
        return error is UnauthorizedAccessException ? $"permission denied ({reason})" : reason.Length > 0 ? char.ToLowerInvariant(reason[0]) + reason[1..] : reason;
    }

    private static string Folder(string path)
        => Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } folder ? folder : path;
}
