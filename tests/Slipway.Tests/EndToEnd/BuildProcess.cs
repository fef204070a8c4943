using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Slipway.Tests.EndToEnd;

/// <summary>
/// <c>bash build.sh …</c> as a child process of its own, for signals: its pid is the build's (build.sh execs dotnet). Keeps
/// all it prints; <see cref="Interrupt"/> sends SIGINT as Ctrl+C does.
/// </summary>
public sealed class BuildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Action<string>? _onLine;

    private BuildProcess(Process process, Action<string>? onLine)
    {
        _process = process;
        _onLine = onLine;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts <c>bash build.sh <paramref name="arguments"/></c> in <paramref name="root"/>, with colours off.</summary>
    public static BuildProcess Start(string root, string arguments, IReadOnlyDictionary<string, string>? variables = null, Action<string>? onLine = null)
    {
        var info = new ProcessStartInfo("bash")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("build.sh");
        foreach (string argument in arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["NO_COLOR"] = "1";
        info.Environment.Remove("GITHUB_REF_NAME"); // the branch gate reads the clone's HEAD (main), not the branch of a CI run of these tests
        info.Environment.Remove("CI_COMMIT_BRANCH");
        foreach ((string name, string value) in variables ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var build = new BuildProcess(Process.Start(info)!, onLine);
        build._process.OutputDataReceived += (_, e) => build.Add(e.Data);
        build._process.ErrorDataReceived += (_, e) => build.Add(e.Data);
        build._process.BeginOutputReadLine();
        build._process.BeginErrorReadLine();
        return build;
    }

    /// <summary>Whether the process ignores SIGINT (bit 2 of SigIgn in /proc/&lt;pid&gt;/status), as a background job of a non-interactive shell does.</summary>
    public bool SigIntIgnored()
    {
        string status = $"/proc/{Id}/status";
        if (!File.Exists(status))
        {
            return false; // no procfs (macOS), or it has exited: nothing to tell
        }

        try
        {
            string? mask = File.ReadLines(status).FirstOrDefault(static l => l.StartsWith("SigIgn:", StringComparison.Ordinal))?["SigIgn:".Length..].Trim();
            return mask is not null && (Convert.ToUInt64(mask, 16) & (1UL << (2 - 1))) != 0;
        }
        catch (IOException)
        {
            return false; // exited while being read
        }
    }

    /// <summary>Sends SIGINT; false when the process had exited already.</summary>
    public bool Interrupt() => kill(Id, 2) == 0;

    /// <summary>Waits for the exit (and the end of its output); returns the exit code.</summary>
    public async Task<int> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken).WaitAsync(timeout, cancellationToken);
        _process.WaitForExit(); // flushes the asynchronous output readers
        return _process.ExitCode;
    }

    public override string ToString() => $"build.sh (pid {Id}){(HasExited ? $" exited {ExitCode}" : string.Empty)}:{Environment.NewLine}{Output}";

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    [DllImport("libc", SetLastError = true)]
#pragma warning disable SA1300, IDE1006 // the libc name
    private static extern int kill(int pid, int signal);
#pragma warning restore SA1300, IDE1006

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        _onLine?.Invoke(line);
    }
}
