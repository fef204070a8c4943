using System.Diagnostics;

namespace Slipway.Benchmarks.Releases;

/// <summary>
/// <c>./build.sh History --env production</c> as a whole process over the generated repository: in a clone of this
/// repository (under the cache) whose production environment gets one more values file pointing gitops.repository at it.
/// </summary>
internal static class HistoryProcessTiming
{
    public static async Task<(double Median, string Output)> MeasureAsync(string cache, string bare, int runs)
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

        (_, string output) = await RunAsync(clone); // compiles the build when it changed, clones and fetches the GitOps repository
        var times = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            (int exit, output) = await RunAsync(clone);
            times.Add(watch.Elapsed.TotalMilliseconds);
            if (exit != 0)
            {
                throw new InvalidOperationException($"./build.sh History exited {exit}:\n{output}");
            }
        }

        times.Sort();
        return (times[times.Count / 2], output);
    }

    private static async Task<(int Exit, string Output)> RunAsync(string clone)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = clone, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[] { "build.sh", "History", "--env", "production", "--limit", "5" })
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
