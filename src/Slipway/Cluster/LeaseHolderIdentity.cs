using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Slipway.Cluster;

/// <summary>
/// Who holds a deploy lease, as written in its <c>spec.holderIdentity</c>: <c>user@host pid N run R</c>. The host and pid
/// let a later run tell a crashed holder on the same machine from a live one; a holder on another host is never presumed dead.
/// </summary>
public sealed partial record LeaseHolderIdentity(string Text, string? Host, int? Pid)
{
    /// <summary>The identity of this process: <paramref name="user"/>@host pid N run <paramref name="run"/>.</summary>
    public static string Format(string user, string run) => $"{user}@{Environment.MachineName} pid {Environment.ProcessId} run {run}";

    /// <summary>Reads host and pid out of <paramref name="text"/>; an identity in another form (older runs, other tools) has neither.</summary>
    public static LeaseHolderIdentity Parse(string? text)
    {
        string value = text ?? "nobody";
        Match match = HostAndPid().Match(value);
        return match.Success && int.TryParse(match.Groups["pid"].ValueSpan, out int pid)
            ? new LeaseHolderIdentity(value, match.Groups["host"].Value, pid)
            : new LeaseHolderIdentity(value, null, null);
    }

    /// <summary>True only when the holder ran on this host and its process is gone. Another host, or no pid: false.</summary>
    public bool IsDeadProcessOnThisHost()
        => Pid is { } pid && string.Equals(Host, Environment.MachineName, StringComparison.OrdinalIgnoreCase) && !IsRunning(pid);

    /// <summary>Where the holder runs, for a refusal: <c> (host h, pid 42)</c>, or empty when the identity does not say.</summary>
    public string Where => Host is null || Pid is null ? string.Empty : $" (host {Host}, pid {Pid})";

    private static bool IsRunning(int pid)
    {
        if (OperatingSystem.IsLinux())
        {
            return Directory.Exists($"/proc/{pid}");
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // no process with that id
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"@(?<host>[^\s@]+) pid (?<pid>\d+)(\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex HostAndPid();
}
