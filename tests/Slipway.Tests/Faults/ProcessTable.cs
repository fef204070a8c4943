namespace Slipway.Tests.Faults;

/// <summary>
/// The running processes as <c>/proc</c> shows them, to find the real child a fault test kills (a terraform started by the
/// build) by what it is and where it runs, rather than by a name alone.
/// </summary>
public static class ProcessTable
{
    /// <summary>Processes whose executable name is <paramref name="name"/>, whose working directory is <paramref name="directory"/> and whose command line holds <paramref name="argument"/>.</summary>
    public static IReadOnlyList<int> Find(string name, string directory, string argument)
    {
        string wanted = Path.GetFullPath(directory).TrimEnd('/');
        var found = new List<int>();
        foreach (int pid in Pids())
        {
            try
            {
                string[] arguments = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
                string? cwd = new FileInfo($"/proc/{pid}/cwd").LinkTarget;
                if (arguments.Length > 0 && Path.GetFileName(arguments[0]) == name && arguments.Contains(argument) && cwd?.TrimEnd('/') == wanted)
                {
                    found.Add(pid);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // gone meanwhile, or not ours to read
            }
        }

        return found;
    }

    /// <summary>The direct children of <paramref name="parent"/> (from the parent field of <c>/proc/&lt;pid&gt;/stat</c>).</summary>
    public static IReadOnlyList<int> Children(int parent)
    {
        var children = new List<int>();
        foreach (int pid in Pids())
        {
            try
            {
                string stat = File.ReadAllText($"/proc/{pid}/stat");
                string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) == parent)
                {
                    children.Add(pid);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }
        }

        return children;
    }

    /// <summary>SIGKILL to <paramref name="pid"/> and then to the children it had (which would outlive it, reparented).</summary>
    public static void KillWithChildren(int pid)
    {
        IReadOnlyList<int> children = Children(pid);
        using (var process = System.Diagnostics.Process.GetProcessById(pid))
        {
            process.Kill(); // SIGKILL on Unix: no chance to clean up, as with the OOM killer or a cancelled CI job
        }

        foreach (int child in children)
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(child);
                process.Kill();
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
                // ended with its parent
            }
        }
    }

    private static IEnumerable<int> Pids()
        => Directory.EnumerateDirectories("/proc")
            .Select(static d => int.TryParse(Path.GetFileName(d), out int pid) ? pid : 0)
            .Where(static pid => pid > 0);
}
