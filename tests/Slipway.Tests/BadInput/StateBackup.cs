using Slipway.Processes;

namespace Slipway.Tests.BadInput;

/// <summary>
/// The state a deployed clone keeps under <c>.nuke/temp</c> (saved plan, GitOps remote and clone, local cluster), copied aside
/// before a case breaks it and put back after, so every state case starts from the same deployed clone.
/// </summary>
public sealed class StateBackup : IAsyncDisposable
{
    private static readonly string[] s_entries = ["staging", "gitops-remote.git", "gitops", "local-cluster", "build-attempt.json"];

    private readonly string _temp;
    private readonly string _backup;

    private StateBackup(string temp, string backup)
    {
        _temp = temp;
        _backup = backup;
    }

    public static async Task<StateBackup> SaveAsync(string root)
    {
        string temp = Path.Combine(root, ".nuke", "temp");
        string backup = Path.Combine(Path.GetTempPath(), "slipway-state-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(backup);
        foreach (string entry in s_entries.Where(e => Path.Exists(Path.Combine(temp, e))))
        {
            await CopyAsync(Path.Combine(temp, entry), backup);
        }

        return new StateBackup(temp, backup);
    }

    /// <summary><c>git</c> in <paramref name="directory"/>, failing the case when it fails.</summary>
    public static async Task<string> GitAsync(string directory, params string[] arguments)
        => (await new ProcessRunner().RunAsync(
            new ProcessRequest("git", arguments) { WorkingDirectory = directory, Timeout = TimeSpan.FromMinutes(1) },
            TestContext.Current.CancellationToken)).StandardOutput.Trim();

    public async ValueTask DisposeAsync()
    {
        foreach (string entry in s_entries)
        {
            Delete(Path.Combine(_temp, entry));
            if (Path.Exists(Path.Combine(_backup, entry)))
            {
                await CopyAsync(Path.Combine(_backup, entry), _temp);
            }
        }

        Directory.Delete(_backup, recursive: true);
    }

    private static void Delete(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        else if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private static Task CopyAsync(string source, string targetFolder)
        => new ProcessRunner().RunAsync(
            new ProcessRequest("cp", ["-a", source, targetFolder + "/"]) { Timeout = TimeSpan.FromMinutes(1) },
            TestContext.Current.CancellationToken);
}
