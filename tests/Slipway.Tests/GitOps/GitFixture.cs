using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Slipway.GitOps;
using Slipway.GitOps.Git;
using Slipway.Hosting;

namespace Slipway.Tests.GitOps;

/// <summary>A temp folder with a local bare GitOps remote; helpers to open clones and ask the git CLI.</summary>
public sealed class GitFixture : IDisposable
{
    public GitFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "slipway-gitops-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Root);
        RemotePath = Path.Combine(Root, "remote.git");
    }

    public string Root { get; }

    public string RemotePath { get; }

    public static CommitInfo Info(string environment = "staging")
        => new("Ada Lovelace", "ada@example.org", environment, "0123456789abcdef0123456789abcdef01234567", "run-42");

    public async Task<string> CreateRemoteAsync()
        => await LocalGitOpsRemote.EnsureAsync(RemotePath, "main", CancellationToken.None);

    public IGitOpsRepository Open(string clone = "clone", string? remote = null, int maxPushAttempts = 5, double networkTimeoutSeconds = 20)
        => GitOpsRepository.Open(
            new GitOpsRepositoryOptions(remote ?? RemotePath, "main", Path.Combine(Root, clone))
            {
                RetryBaseDelay = TimeSpan.FromMilliseconds(5),
                MaxPushAttempts = maxPushAttempts,
                NetworkTimeout = TimeSpan.FromSeconds(networkTimeoutSeconds),
            },
            new DictionaryEnvironmentVariables(),
            NullLog.Instance,
            TimeProvider.System);

    /// <summary>Runs the git CLI and returns its standard output (trimmed at the end).</summary>
    public static string Git(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, $"git {string.Join(' ', arguments)}: {error}");
        return output.TrimEnd();
    }

    public string RemoteHead() => Git(RemotePath, "rev-parse", "refs/heads/main");

    public string RemoteFile(string path) => Git(RemotePath, "show", $"main:{path}");

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
