using System.Diagnostics;

namespace Slipway.Benchmarks.Releases;

/// <summary>
/// <c>./build.sh History --env production</c> as a whole process over the generated repository: in a clone of this
/// repository (under the cache) whose production environment gets one more values file pointing gitops.repository at it.
/// </summary>
internal static class HistoryProcessTiming
{
    public static async Task<(double Median, string Output)> MeasureAsync(string cache, string bare, string fetchedClone, int runs)
    {
        string root = FindRepositoryRoot();
        string clone = Path.Combine(cache, "repo");
        if (Directory.Exists(Path.Combine(clone, ".git")))
        {
            await HistoryRepositoryGenerator.RunGitAsync(clone, null, "fetch", "-q", root, "HEAD");
            await HistoryRepositoryGenerator.RunGitAsync(clone, null, "reset", "-q", "--hard", "FETCH_HEAD");
        }
        else
        {
            await HistoryRepositoryGenerator.RunGitAsync(cache, null, "clone", "-q", root, clone);
        }

        string values = Path.Combine(clone, "environments", "production", "values", "zz-history-benchmark.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(values)!);
        await File.WriteAllTextAsync(values, $"gitops:\n  repository: {bare}\n");

        // the GitOps clone as the in-process part left it (fetched, commit-graph written): the process is timed warm, as a
        // second History is; a first libgit2 fetch of 50,000 commits alone can pass the 60 s network timeout on a loaded machine
        string gitops = Path.Combine(clone, ".nuke", "temp", "gitops");
        if (Directory.Exists(gitops))
        {
            Directory.Delete(gitops, recursive: true);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(gitops)!);
        await RunAsync("cp", clone, "-a", fetchedClone, gitops);
        (int warmExit, string output) = await RunAsync("bash", clone, "build.sh", "History", "--env", "production", "--limit", "5"); // compiles the build when it changed
        if (warmExit != 0)
        {
            throw new InvalidOperationException($"./build.sh History exited {warmExit}:\n{output}");
        }

        var times = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            (int exit, output) = await RunAsync("bash", clone, "build.sh", "History", "--env", "production", "--limit", "5");
            times.Add(watch.Elapsed.TotalMilliseconds);
            if (exit != 0)
            {
                throw new InvalidOperationException($"./build.sh History exited {exit}:\n{output}");
            }
        }

        times.Sort();
        return (times[times.Count / 2], output);
    }

    private static async Task<(int Exit, string Output)> RunAsync(string program, string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output + await error);
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "build.sh")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("build.sh not found above " + AppContext.BaseDirectory);
    }
}
