using System.Diagnostics;
using System.Net.Sockets;

namespace Slipway.Tests.GitOps;

/// <summary>A real <c>git daemon</c> on 127.0.0.1 serving a folder with push enabled, so server-side hooks run.</summary>
public sealed class GitDaemon : IDisposable
{
    private readonly Process _process;

    private GitDaemon(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string Url(string repository) => $"git://127.0.0.1:{Port}/{repository}";

    public static async Task<GitDaemon> StartAsync(string basePath)
    {
        int port = GitFixture.FreePort();
        var start = new ProcessStartInfo("git") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string argument in new[] { "daemon", "--reuseaddr", "--listen=127.0.0.1", $"--port={port}", $"--base-path={basePath}", "--export-all", "--enable=receive-pack", basePath })
        {
            start.ArgumentList.Add(argument);
        }

        Process process = Process.Start(start)!;
        var daemon = new GitDaemon(process, port);
        for (int i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return daemon;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        daemon.Dispose();
        throw new InvalidOperationException("git daemon did not start listening");
    }

    public void Dispose()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }
}
