namespace Slipway.Targets.Execution;

/// <summary>A file system error as a person reads it: the path and the reason, without the exception's type.</summary>
internal static class FileErrors
{
    /// <summary><c>Read-only file system : '/x/y'</c> → <c>read-only file system</c>.</summary>
    public static string Reason(Exception error)
    {
        string message = error.Message;
        int at = message.IndexOf(" : '", StringComparison.Ordinal);
        string reason = (at > 0 ? message[..at] : message).Trim().TrimEnd('.');
        reason = reason.Length > 0 ? char.ToLowerInvariant(reason[0]) + reason[1..] : reason;
        return error is UnauthorizedAccessException ? $"permission denied ({reason})" : reason;
    }

    /// <summary><c>/x/y: read-only file system</c> when the message names the path, else the reason alone.</summary>
    public static string Describe(Exception error)
    {
        string message = error.Message;
        int at = message.IndexOf(" : '", StringComparison.Ordinal);
        return at > 0 ? $"{message[(at + 4)..].TrimEnd('\'', '.')}: {Reason(error)}" : Reason(error);
    }
}
