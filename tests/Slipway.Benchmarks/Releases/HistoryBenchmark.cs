using System.Diagnostics;
using LibGit2Sharp;
using Slipway.BuildTools.Benchmarks;
using Slipway.GitOps;
using Slipway.GitOps.Git;
using Slipway.Hosting;
using Slipway.Processes;
using Slipway.Releases;

namespace Slipway.Benchmarks.Releases;

/// <summary>
/// Finding the commit that set a tag (and the tag before it) in a 50,000-commit GitOps repository of which 10,000 commits
/// change clusters/production/apps/web/helm-release.yaml, side by side in one run: Slipway (git log streamed, texts from
/// git cat-file), <c>git log --format=%H -- path</c> on the same clone, the in-process LibGit2Sharp walk Slipway used before,
/// and LibGit2Sharp's <c>Commits.QueryBy(path)</c>; then <c>./build.sh History --env production</c> over that repository as
/// a whole process. Arguments: [--commits N] [--changes N] [--cache DIR] [--runs N] [--quick] (5,000 / 1,000).
/// </summary>
public static class HistoryBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        bool quick = args.Contains("--quick");
        int commits = BenchmarkArguments.Int(args, "--commits", quick ? 5_000 : 50_000);
        int changes = BenchmarkArguments.Int(args, "--changes", quick ? 1_000 : 10_000);
        int runs = BenchmarkArguments.Int(args, "--runs", quick ? 3 : 5);
        string cache = BenchmarkArguments.Option(args, "--cache") ?? Path.Combine(Path.GetTempPath(), "slipway-history-bench");
        Directory.CreateDirectory(cache);

        var watch = Stopwatch.StartNew();
        string bare = await HistoryRepositoryGenerator.EnsureAsync(cache, commits, changes);
        string clone = Path.Combine(cache, $"clone-{commits}-{changes}");
        Console.WriteLine($"History: repository of {commits:N0} commits, {changes:N0} changing {HistoryRepositoryGenerator.WebPath} ({watch.Elapsed.TotalSeconds:0.0} s to generate or find in {cache})");

        IGitOpsRepository repository = GitOpsRepository.Open(new GitOpsRepositoryOptions(bare, "main", clone), new DictionaryEnvironmentVariables(), NullLog.Instance, TimeProvider.System);
        var environment = new GitOpsEnvironment("production", GitOpsEngine.Flux, bare, "main");
        var slipway = new AppHistoryReader(repository, environment, Path.Combine(clone, ".git", "slipway-history-index"));
        var libgit2Reader = new AppHistoryReader(new LibGit2WalkReader(clone), environment);
        watch.Restart();
        await slipway.FindAsync("web", HistoryRepositoryGenerator.Tag(changes), CancellationToken.None); // clone, fetch, commit-graph once
        Console.WriteLine($"  first read (clone, fetch, commit-graph with changed-path filters): {watch.Elapsed.TotalMilliseconds:0} ms, once per clone");

        double gitLog = await MedianAsync(runs, () => GitLogAsync(clone, "refs/remotes/origin/main"));
        double gitLogBare = await MedianAsync(1, () => GitLogAsync(bare, "main"));
        Console.WriteLine($"  baseline git log --format=%H -- {HistoryRepositoryGenerator.WebPath}: {gitLog:0} ms on the same clone (median of {runs}, the process included); "
            + $"{gitLogBare:0} ms on the bare remote without a commit-graph");

        int versions = 0;
        var log = new FileHistoryLog(new ProcessRunner(), clone, TimeSpan.FromMinutes(1));
        double uncached = await MedianAsync(runs, async () => versions = (await log.ReadAsync("refs/remotes/origin/main", HistoryRepositoryGenerator.WebPath, _ => true, CancellationToken.None)).Count);
        Console.WriteLine($"  Slipway's walk without its cache (git log streamed, texts from git cat-file, no manifest parsing; once per clone, then only new commits): {uncached:0} ms for {versions:N0} versions: {uncached / gitLog:0.00}x git log");
        double incremental = await IncrementalAsync(clone, log, runs);
        Console.WriteLine($"  Slipway's read after 100 new commits (cache at the tip before them; git log old..tip -- path, then the cached versions): {incremental:0} ms: {incremental / gitLog:0.00}x git log");
        double whole = await MedianAsync(runs, async () => versions = (await repository.ReadFileHistoryAsync(HistoryRepositoryGenerator.WebPath, _ => true, CancellationToken.None)).Count);
        Console.WriteLine($"  Slipway's read at a tip it cached (tip checked, versions from .git/slipway-file-history): {whole:0} ms for {versions:N0} versions: {whole / gitLog:0.00}x git log");

        double oldest = 0;
        foreach ((string label, int change) in new[] { ("newest tag", changes - 1), ("middle tag", changes / 2), ("oldest tag but one", 2) })
        {
            string tag = HistoryRepositoryGenerator.Tag(change);
            string? wrong = null;
            double ours = await MedianAsync(runs, async () => wrong = await CheckAsync(slipway, tag, change));
            double walk = await MedianAsync(1, async () => wrong ??= await CheckAsync(libgit2Reader, tag, change));
            if (wrong is not null)
            {
                Console.WriteLine($"  WRONG: {wrong}");
                return 1;
            }

            oldest = ours;
            Console.WriteLine($"  find {label} {tag} and the tag before it: Slipway {ours:0} ms (median of {runs}) | git log {gitLog:0} ms: {ours / gitLog:0.00}x "
                + $"| in-process LibGit2Sharp walk {walk:0} ms: Slipway {walk / ours:0.0}x faster");
        }

        watch.Restart();
        int queried = QueryByPath(clone, HistoryRepositoryGenerator.WebPath, quick ? int.MaxValue : 2_000);
        double queryBy = watch.Elapsed.TotalMilliseconds * (queried >= changes ? 1 : (double)changes / queried);
        Console.WriteLine($"  baseline LibGit2Sharp Commits.QueryBy(path): {watch.Elapsed.TotalMilliseconds:0} ms for {(queried >= changes ? "all" : "the first")} {queried:N0} entries"
            + (queried >= changes ? string.Empty : $", ~{queryBy / 1000:0.0} s extrapolated to {changes:N0}") + $"; Slipway finds the oldest tag {queryBy / oldest:0}x faster");

        (double median, string output) = await HistoryProcessTiming.MeasureAsync(cache, bare, clone, runs);
        Console.WriteLine($"  ./build.sh History --env production --limit 5 as a whole process (warm, median of {runs}): {median:0} ms (goal <= 1000 ms)");
        foreach (string line in output.Split('\n').Where(static l => l.Trim().Length > 0).Take(8))
        {
            Console.WriteLine($"    | {line.TrimEnd()}");
        }

        Record(commits, changes, oldest, gitLog, queryBy, median);
        return 0;
    }

    /// <summary>Null when the reader found the tag's commit and the tag before it; else what it found.</summary>
    private static async Task<string?> CheckAsync(AppHistoryReader reader, string tag, int change)
    {
        var found = await reader.FindAsync("web", tag, CancellationToken.None);
        return found?.Previous?.Tag == HistoryRepositoryGenerator.Tag(change - 1)
            ? null
            : $"{tag} found as {found?.Set.ShortSha ?? "none"}, previous {found?.Previous?.Tag ?? "none"}";
    }

    /// <summary>The cache written at the tip 100 commits back (not timed), then read at the tip: only the new commits are walked.</summary>
    private static async Task<double> IncrementalAsync(string clone, FileHistoryLog log, int runs)
    {
        string tip = (await HistoryRepositoryGenerator.RunGitAsync(clone, null, "rev-parse", "refs/remotes/origin/main")).Trim();
        string before = (await HistoryRepositoryGenerator.RunGitAsync(clone, null, "rev-parse", "refs/remotes/origin/main~100")).Trim();
        var cache = new FileHistoryCache(clone, log);
        var times = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            int older = (await cache.ReadAsync(before, HistoryRepositoryGenerator.WebPath, CancellationToken.None)).Count;
            var watch = Stopwatch.StartNew();
            int newer = (await cache.ReadAsync(tip, HistoryRepositoryGenerator.WebPath, CancellationToken.None)).Count;
            times.Add(watch.Elapsed.TotalMilliseconds);
            if (newer <= older)
            {
                throw new InvalidOperationException($"the incremental read found {newer} versions at the tip and {older} 100 commits back");
            }
        }

        times.Sort();
        return times[times.Count / 2];
    }

    private static async Task GitLogAsync(string directory, string tip)
        => await HistoryRepositoryGenerator.RunGitAsync(directory, null, "log", "--format=%H", tip, "--", HistoryRepositoryGenerator.WebPath);

    private static async Task<double> MedianAsync(int runs, Func<Task> action)
    {
        var times = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[times.Count / 2];
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

    private static void Record(int commits, int changes, double oldest, double gitLog, double queryBy, double process)
    {
        string repository = $"{commits:N0} commits, {changes:N0} changing web/helm-release.yaml";
        BenchmarkRecorder.Record(new BenchmarkMeasure
        {
            Name = "history.find",
            Title = $"find the commit that set the oldest tag but one, and the tag before it ({repository})",
            Unit = "ms",
            Kind = FigureKind.InProcess,
            Value = oldest,
            Baseline = gitLog,
            BaselineTitle = "`git log --format=%H -- <path>` on the same clone",
            Goals = [BenchmarkGoal.RatioAtLeast(1)],
        });
        BenchmarkRecorder.Record(new BenchmarkMeasure
        {
            Name = "history.queryby",
            Title = "the same find against LibGit2Sharp `Commits.QueryBy(path)`",
            Unit = "ms",
            Kind = FigureKind.InProcess,
            Value = oldest,
            Baseline = queryBy,
            BaselineTitle = "`Commits.QueryBy(path)` over all versions (extrapolated from the first 2,000)",
            Goals = [BenchmarkGoal.RatioAtLeast(10)],
        });
        BenchmarkRecorder.Record(new BenchmarkMeasure
        {
            Name = "history.process",
            Title = "warm `./build.sh History --env production --limit 5` over that repository",
            Unit = "ms",
            Kind = FigureKind.WholeProcess,
            Value = process,
            Goals = [BenchmarkGoal.AtMost(1000)],
        });
    }
}
