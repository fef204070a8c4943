using System.Diagnostics;
using LibGit2Sharp;
using Slipway.GitOps;
using Slipway.GitOps.Git;
using Slipway.Hosting;
using Slipway.Releases;

namespace Slipway.Benchmarks.Releases;

/// <summary>
/// Finding the commit that set a tag (and the tag before it) in a 50,000-commit GitOps repository of which 10,000 commits
/// change clusters/production/apps/web/helm-release.yaml: Slipway's walk (tree entry ids) against <c>git log --format=%H --
/// path</c> and LibGit2Sharp's <c>Commits.QueryBy(path)</c> in the same run; then <c>./build.sh History --env production</c>
/// over that repository as a whole process. Arguments: [--commits N] [--changes N] [--cache DIR] [--quick] (5,000 / 1,000).
/// </summary>
public static class HistoryBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        bool quick = args.Contains("--quick");
        int commits = BenchmarkArguments.Int(args, "--commits", quick ? 5_000 : 50_000);
        int changes = BenchmarkArguments.Int(args, "--changes", quick ? 1_000 : 10_000);
        string cache = BenchmarkArguments.Option(args, "--cache") ?? Path.Combine(Path.GetTempPath(), "slipway-history-bench");
        Directory.CreateDirectory(cache);

        var watch = Stopwatch.StartNew();
        string bare = await HistoryRepositoryGenerator.EnsureAsync(cache, commits, changes);
        Console.WriteLine($"History: repository of {commits:N0} commits, {changes:N0} changing {HistoryRepositoryGenerator.WebPath} ({watch.Elapsed.TotalSeconds:0.0} s to generate or find in {cache})");

        IGitOpsRepository repository = GitOpsRepository.Open(
            new GitOpsRepositoryOptions(bare, "main", Path.Combine(cache, $"clone-{commits}-{changes}")), new DictionaryEnvironmentVariables(), NullLog.Instance, TimeProvider.System);
        var reader = new AppHistoryReader(repository, new GitOpsEnvironment("production", GitOpsEngine.Flux, bare, "main"));
        await reader.FindAsync("web", HistoryRepositoryGenerator.Tag(changes), CancellationToken.None); // clone + fetch once

        foreach ((string label, int change) in new[] { ("newest tag", changes - 1), ("middle tag", changes / 2), ("oldest tag but one", 2) })
        {
            string tag = HistoryRepositoryGenerator.Tag(change);
            watch.Restart();
            var found = await reader.FindAsync("web", tag, CancellationToken.None);
            double ours = watch.Elapsed.TotalMilliseconds;
            if (found?.Previous?.Tag != HistoryRepositoryGenerator.Tag(change - 1))
            {
                Console.WriteLine($"  WRONG: {tag} found as {found?.Set.ShortSha ?? "none"}, previous {found?.Previous?.Tag ?? "none"}");
                return 1;
            }

            Console.WriteLine($"  find {label} {tag} (set by {found.Value.Set.ShortSha}, previous {found.Value.Previous!.Tag}): {ours:0} ms (fetch + walk)");
        }

        watch.Restart();
        string log = await HistoryRepositoryGenerator.RunGitAsync(bare, null, "log", "--format=%H", "main", "--", HistoryRepositoryGenerator.WebPath);
        double gitLog = watch.Elapsed.TotalMilliseconds;
        int listed = log.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        Console.WriteLine($"  baseline git log --format=%H -- {HistoryRepositoryGenerator.WebPath}: {gitLog:0} ms for all {listed:N0} commits (whole history, the process included)");

        watch.Restart();
        int all = (await repository.ReadFileHistoryAsync(HistoryRepositoryGenerator.WebPath, _ => true, CancellationToken.None)).Count;
        double ourAll = watch.Elapsed.TotalMilliseconds;
        Console.WriteLine($"  Slipway walk of the whole history: {ourAll:0} ms for {all:N0} versions (with their text; fetch included): {ourAll / gitLog:0.00}x git log");

        watch.Restart();
        int queried = QueryByPath(Path.Combine(cache, $"clone-{commits}-{changes}"), HistoryRepositoryGenerator.WebPath, quick ? int.MaxValue : 2_000);
        double queryBy = watch.Elapsed.TotalMilliseconds;
        bool complete = queried >= changes;
        Console.WriteLine($"  baseline LibGit2Sharp Commits.QueryBy(path): {queryBy:0} ms for {(complete ? "all" : "the first")} {queried:N0} entries"
            + (complete ? $": Slipway is {queryBy / ourAll:0.0}x faster" : $" (stopped there; extrapolated to {changes:N0}: ~{queryBy * changes / queried / 1000:0} s, Slipway ~{queryBy * changes / queried / ourAll:0}x faster)"));
        return 0;
    }

    private static int QueryByPath(string clone, string path, int max)
    {
        using var repository = new Repository(clone);
        var filter = new CommitFilter { IncludeReachableFrom = repository.Refs["refs/remotes/origin/main"], SortBy = CommitSortStrategies.Time };
        int count = 0;
        foreach (LogEntry _ in repository.Commits.QueryBy(path, filter))
        {
            if (++count >= max)
            {
                break;
            }
        }

        return count;
    }
}
