using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;
using Slipway.BuildTools.Benchmarks;
using Slipway.Environments;
using Slipway.Environments.Validation;

namespace Slipway.Benchmarks.Environments;

/// <summary>
/// Issue 4's speed check (and issue 18's): load, merge and validate 200 generated environments of about 1,000 keys each (plus a
/// 1,000-key base layer they all extend), in process. Budget: 200 ms. Also times the sample environments.
/// Run: <c>EnvironmentsBenchmark.RunAsync(args)</c>; args may give the environment count, the number of warm runs and
/// <c>phases</c> (time each stage on one thread: where the time goes); <c>--quick</c> makes 50 environments and 3 warm runs
/// (not comparable with the budget). The machine is shared, so every figure comes with CPU time and GC pause time, and the
/// load is compared with the bare YamlDotNet parser over the same files in the same run.
/// </summary>
public static class EnvironmentsBenchmark
{
    public const int Environments = 200;
    public const int BudgetMilliseconds = 200;
    private const string MeasureName = "environments.load";

    public static async Task<int> RunAsync(string[] args)
    {
        bool quick = args.Contains("--quick");
        string[] positional = [.. args.Where(static a => !a.StartsWith("--", StringComparison.Ordinal))];
        int environments = positional.Length > 0 ? int.Parse(positional[0], CultureInfo.InvariantCulture) : quick ? 50 : Environments;
        int runs = positional.Length > 1 ? int.Parse(positional[1], CultureInfo.InvariantCulture) : quick ? 3 : 7;
        string root = Path.Combine(Path.GetTempPath(), "slipway-env-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            (int files, long bytes, int keys) = Generate(root, environments);
            Console.WriteLine($"Environments: generated {environments} environments + base, {files} files, {bytes / 1024.0 / 1024.0:0.0} MB, {keys} keys per environment file");
            string title = $"load + merge + validate {environments} generated environments of {keys:N0} keys (+ a base layer)";
            if (BenchmarkRecorder.FirstCall)
            {
                var first = Stopwatch.StartNew();
                EnvironmentValidator.Validate(await EnvironmentCatalog.LoadAsync(root, CancellationToken.None).ConfigureAwait(false), null);
                BenchmarkRecorder.RecordFirstCall(MeasureName, title, first.Elapsed.TotalMilliseconds);
                return 0;
            }

            (double baselineWall, double baseline) = MeasureParserBaseline(root, runs);
            if (positional.Length > 2 && positional[2] == "phases")
            {
                EnvironmentsPhases.Measure(root, runs);
            }

            double firstInProcess = await WarmUpAsync(root, runs).ConfigureAwait(false);
            double warm = await MeasureAsync(root, environments, runs, "default GC (concurrent)", baseline).ConfigureAwait(false);
            BenchmarkRecorder.Record(new BenchmarkMeasure
            {
                Name = MeasureName,
                Title = title,
                Unit = "ms",
                Value = firstInProcess,
                Warm = warm,
                Baseline = baselineWall,
                BaselineTitle = "YamlDotNet's parser alone over the same files, warm",
                Goals = [BenchmarkGoal.WarmAtMost(BudgetMilliseconds)],
            });
            GCLatencyMode previous = GCSettings.LatencyMode;
            try
            {
                // What <ConcurrentGarbageCollection>false</...> in the build project would give: no background GC thread
                // competing for the two cores while the catalog's trees are being promoted.
                GCSettings.LatencyMode = GCLatencyMode.Batch;
                await MeasureAsync(root, environments, runs, "batch GC (non-concurrent)", baseline).ConfigureAwait(false);
            }
            finally
            {
                GCSettings.LatencyMode = previous;
            }

            int diagnostics = 0;
            string repository = RepositoryRoot.Find();
            if (repository.Length > 0)
            {
                var samples = new List<double>();
                for (int run = 0; run <= runs; run++)
                {
                    var stopwatch = Stopwatch.StartNew();
                    ValidationResult result = EnvironmentValidator.Validate(await EnvironmentCatalog.LoadAsync(repository, CancellationToken.None), null);
                    stopwatch.Stop();
                    samples.Add(stopwatch.Elapsed.TotalMilliseconds);
                    diagnostics = result.Diagnostics.Count;
                }

                Console.WriteLine($"Environments: validate the sample environments in process: first {samples[0]:0.0} ms, warm median {Median(samples.Skip(1)):0.0} ms ({diagnostics} diagnostics)");
            }

            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// The reference: YamlDotNet's event parser alone over the same files, read into memory first, one thread. Returns
    /// its median CPU time (wall time is printed too; on a loaded machine CPU time is the fairer comparison).
    /// </summary>
    private static (double Wall, double Cpu) MeasureParserBaseline(string root, int runs)
    {
        string[] texts = [.. Directory.EnumerateFiles(Path.Combine(root, "environments"), "env.yaml", SearchOption.AllDirectories).Select(File.ReadAllText)];
        var times = new List<double>();
        var cpuTimes = new List<double>();
        using var process = Process.GetCurrentProcess();
        for (int run = 0; run <= runs; run++)
        {
            process.Refresh();
            TimeSpan cpuBefore = process.TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            foreach (string text in texts)
            {
                var parser = new YamlDotNet.Core.Parser(new StringReader(text));
                while (parser.MoveNext())
                {
                }
            }

            times.Add(stopwatch.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpuTimes.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }

        double cpu = Median(cpuTimes.Skip(1));
        Console.WriteLine($"Environments: baseline, YamlDotNet parser events only, one thread: warm median {Median(times.Skip(1)):0.0} ms wall, {cpu:0.0} ms CPU");
        return (Median(times.Skip(1)), cpu);
    }

    /// <summary>
    /// Times the very first load (cold: JIT included, as a CLI run pays it), then runs the pipeline untimed until tiered
    /// compilation has settled, so the two GC modes after it are compared on the same code (otherwise whichever mode is
    /// measured first also pays the background JIT).
    /// </summary>
    private static async Task<double> WarmUpAsync(string root, int runs)
    {
        double first = 0;
        var stopwatch = Stopwatch.StartNew();
        for (int run = 0; run <= runs; run++)
        {
            EnvironmentCatalog catalog = await EnvironmentCatalog.LoadAsync(root, CancellationToken.None).ConfigureAwait(false);
            EnvironmentValidator.Validate(catalog, null);
            if (run == 0)
            {
                first = stopwatch.Elapsed.TotalMilliseconds;
                Console.WriteLine($"Environments: cold first load+merge+validate in this process (JIT included): {first:0.0} ms wall");
            }
        }

        return first;
    }

    private static async Task<double> MeasureAsync(string root, int environments, int runs, string mode, double baselineCpu)
    {
        var times = new List<double>();
        var cpuTimes = new List<double>();
        var pauses = new List<double>();
        var allocated = new List<double>();
        int diagnostics = 0;
        int[] collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        using var process = Process.GetCurrentProcess();
        for (int run = 0; run <= runs; run++)
        {
            process.Refresh();
            TimeSpan cpuBefore = process.TotalProcessorTime;
            TimeSpan pausedBefore = GC.GetTotalPauseDuration();
            long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var stopwatch = Stopwatch.StartNew();
            EnvironmentCatalog catalog = await EnvironmentCatalog.LoadAsync(root, CancellationToken.None).ConfigureAwait(false);
            ValidationResult result = EnvironmentValidator.Validate(catalog, null);
            stopwatch.Stop();
            process.Refresh();
            diagnostics = result.Diagnostics.Count;
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
            cpuTimes.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            pauses.Add((GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds);
            allocated.Add((GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1024.0 / 1024.0);
        }

        string perRun = string.Join("/", collections.Select((before, generation) => ((GC.CollectionCount(generation) - before) / (double)(runs + 1)).ToString("0.#", CultureInfo.InvariantCulture)));

        double cpu = Median(cpuTimes.Skip(1));
        Console.WriteLine($"Environments: load+merge+validate {environments} environments, {mode}: first {times[0]:0.0} ms, warm median {Median(times.Skip(1)):0.0} ms, warm min {times.Skip(1).Min():0.0} ms wall (budget {BudgetMilliseconds} ms); CPU per warm run median {cpu:0.0} ms on {System.Environment.ProcessorCount} cores ({cpu / baselineCpu:0.00}x the bare parser's CPU), GC pauses median {Median(pauses.Skip(1)):0.0} ms, allocated median {Median(allocated.Skip(1)):0.0} MB, gen0/1/2 collections per run {perRun}; {diagnostics} diagnostics");
        return Median(times.Skip(1));
    }

    /// <summary>Writes a base layer and <paramref name="environments"/> environments of about 1,000 keys each under <paramref name="root"/>/environments.</summary>
    public static (int Files, long Bytes, int KeysPerFile) Generate(string root, int environments)
    {
        long bytes = 0;
        int keys = 0;
        for (int i = -1; i < environments; i++)
        {
            string name = i < 0 ? "base" : $"env-{i:000}";
            (string text, int count) = GenerateEnvironment(i);
            string folder = Path.Combine(root, "environments", name);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "env.yaml"), text);
            bytes += text.Length;
            keys = count;
        }

        return (environments + 1, bytes, keys);
    }

    private static (string Text, int Keys) GenerateEnvironment(int index)
    {
        var text = new StringBuilder(40_000);
        int keys = 0;
        text.Append("# yaml-language-server: $schema=../schema.json\n");
        if (index >= 0)
        {
            text.Append("extends: [base]\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"description: generated environment {index}\n");
        text.Append("cluster:\n  local: true\ngitops:\n  repository: local\n  branch: main\n  engine: flux\n");
        keys += 5;
        text.Append("infrastructure:\n  stack: infra/platform\n  variables:\n");
        keys++;
        for (int v = 0; v < 200; v++)
        {
            text.Append(CultureInfo.InvariantCulture, $"    var_{v:000}: value-{index}-{v}\n");
            keys++;
        }

        text.Append("platform:\n  releases:\n");
        for (int r = 0; r < 20; r++)
        {
            text.Append(CultureInfo.InvariantCulture, $"    release-{r:00}:\n      chart: chart-{r}\n      repository: https://charts.example.com/{r}\n      version: 1.{r}.{index + 1}\n      namespace: ns-{r}\n      values:\n");
            keys += 4;
            for (int g = 0; g < 2; g++)
            {
                text.Append(CultureInfo.InvariantCulture, $"        group{g}:\n");
                for (int k = 0; k < 18; k++)
                {
                    text.Append(CultureInfo.InvariantCulture, $"          setting{k:00}: {(k % 3 == 0 ? "true" : k % 3 == 1 ? (index + k).ToString(CultureInfo.InvariantCulture) : $"text-{index}-{k}")}\n");
                    keys++;
                }
            }
        }

        return (text.ToString(), keys);
    }

    private static double Median(IEnumerable<double> values)
    {
        List<double> sorted = [.. values.Order()];
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }
}
