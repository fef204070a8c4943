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

        // A process that starts a copy of itself (before it execs another program, a forked child still shows the parent's
        // command line) matches too: keep the outermost.
        return [.. found.Where(pid => !found.Contains(Parent(pid)))];
    }

    /// <summary>The direct children of <paramref name="parent"/> (from the parent field of <c>/proc/&lt;pid&gt;/stat</c>).</summary>
    public static IReadOnlyList<int> Children(int parent) => [.. Pids().Where(pid => Parent(pid) == parent)];

    /// <summary><paramref name="pid"/>'s children, their children, and so on.</summary>
    public static IReadOnlyList<int> Descendants(int pid)
    {
        var all = new List<int>();
        foreach (int child in Children(pid))
        {
            all.Add(child);
            all.AddRange(Descendants(child));
        }

        return all;
    }

    /// <summary>SIGKILL to <paramref name="pid"/> and then to the descendants it had (which would outlive it, reparented).</summary>
    public static void KillWithChildren(int pid)
    {
        IReadOnlyList<int> children = Descendants(pid);
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

    /// <summary>The parent field of <c>/proc/&lt;pid&gt;/stat</c> (after the command name, which may hold spaces and parentheses).</summary>
    private static int Parent(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static IEnumerable<int> Pids()
        => Directory.EnumerateDirectories("/proc")
            .Select(static d => int.TryParse(Path.GetFileName(d), out int pid) ? pid : 0)
            .Where(static pid => pid > 0);
}
