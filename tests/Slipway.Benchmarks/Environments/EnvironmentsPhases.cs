using System.Diagnostics;
using Slipway.Environments;
using Slipway.Environments.Validation;
using Slipway.Environments.Yaml;

namespace Slipway.Benchmarks.Environments;

/// <summary>
/// Where the time goes: each stage of load, merge and validate on one thread (the Parallel.For rows excepted), with CPU
/// time, allocations and GC pause time. "Trees dropped" against "trees kept" shows what promoting the kept trees costs.
/// </summary>
internal static class EnvironmentsPhases
{
    public static void Measure(string root, int runs)
    {
        string[] files = [.. Directory.EnumerateFiles(Path.Combine(root, "environments"), "env.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
        string[] texts = [.. files.Select(File.ReadAllText)];
        EnvironmentCatalog catalog = EnvironmentCatalog.LoadAsync(root, CancellationToken.None).GetAwaiter().GetResult();
        IReadOnlyList<string> names = catalog.Names;
        ResolvedEnvironment[] resolved = [.. names.Select(name => catalog.Resolve(name))];
        List<string> known = [.. catalog.Layers.Keys];

        Retained(root);
        Time("read files", runs, () =>
        {
            foreach (string file in files)
            {
                _ = File.ReadAllText(file);
            }
        });
        Time("YamlDotNet parser events", runs, () =>
        {
            foreach (string text in texts)
            {
                var parser = new YamlDotNet.Core.Parser(new StringReader(text));
                while (parser.MoveNext())
                {
                }
            }
        });
        Time("YamlTreeReader (tree)", runs, () =>
        {
            for (int i = 0; i < texts.Length; i++)
            {
                _ = YamlTreeReader.Read(texts[i], files[i]);
            }
        });
        Time("layer reader, trees dropped", runs, () =>
        {
            foreach (string name in names)
            {
                _ = EnvironmentLayerReader.Read(catalog.RepositoryRoot, name, CancellationToken.None);
            }
        });
        Time("EnvironmentCatalog.LoadAsync (trees kept)", runs, () => EnvironmentCatalog.LoadAsync(root, CancellationToken.None).GetAwaiter().GetResult());
        Time("layer reader, Parallel.For dop 2", runs, () =>
        {
            var layers = new EnvironmentLayer[names.Count];
            Parallel.For(0, names.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => layers[i] = EnvironmentLayerReader.Read(catalog.RepositoryRoot, names[i], CancellationToken.None));
        });
        Time("layer reader, Parallel.For", runs, () =>
        {
            var layers = new EnvironmentLayer[names.Count];
            Parallel.For(0, names.Count, i => layers[i] = EnvironmentLayerReader.Read(catalog.RepositoryRoot, names[i], CancellationToken.None));
        });
        Time("resolve (merge)", runs, () =>
        {
            foreach (string name in names)
            {
                _ = catalog.Resolve(name);
            }
        });
        Time("document validator", runs, () =>
        {
            foreach (EnvironmentLayer layer in catalog.Layers.Values)
            {
                var diagnostics = new List<Diagnostic>();
                foreach (ConfigMapping document in layer.Documents)
                {
                    DocumentValidator.Validate(document, diagnostics);
                }
            }
        });
        Time("merged validator", runs, () =>
        {
            foreach (ResolvedEnvironment environment in resolved)
            {
                MergedValidator.Validate(environment, known, new List<Diagnostic>());
            }
        });
        Time("EnvironmentValidator.Validate", runs, () => EnvironmentValidator.Validate(catalog, null));
    }

    /// <summary>What a loaded catalog keeps alive: the managed heap after a full collection with and without it.</summary>
    private static void Retained(string root)
    {
        long before = GC.GetTotalMemory(forceFullCollection: true);
        EnvironmentCatalog catalog = EnvironmentCatalog.LoadAsync(root, CancellationToken.None).GetAwaiter().GetResult();
        long after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(catalog);
        Console.WriteLine($"  retained by a loaded catalog: {(after - before) / 1024.0 / 1024.0:0.0} MB");
    }

    private static void Time(string phase, int runs, Action action)
    {
        var wall = new List<double>();
        var cpu = new List<double>();
        var bytes = new List<double>();
        var pauses = new List<double>();
        int gen0 = GC.CollectionCount(0);
        int gen2 = GC.CollectionCount(2);
        using var process = Process.GetCurrentProcess();
        for (int run = 0; run <= runs; run++)
        {
            process.Refresh();
            TimeSpan cpuBefore = process.TotalProcessorTime;
            long allocated = GC.GetTotalAllocatedBytes(precise: false);
            TimeSpan paused = GC.GetTotalPauseDuration();
            var stopwatch = Stopwatch.StartNew();
            action();
            stopwatch.Stop();
            process.Refresh();
            wall.Add(stopwatch.Elapsed.TotalMilliseconds);
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            pauses.Add((GC.GetTotalPauseDuration() - paused).TotalMilliseconds);
            bytes.Add((GC.GetTotalAllocatedBytes(precise: false) - allocated) / 1024.0 / 1024.0);
        }

        Console.WriteLine($"  phase {phase,-34} wall median {Median(wall.Skip(1)),7:0.0} ms  min {wall.Skip(1).Min(),7:0.0} ms  CPU median {Median(cpu.Skip(1)),7:0.0} ms  alloc {Median(bytes.Skip(1)),6:0.0} MB  GC pauses {Median(pauses.Skip(1)),6:0.0} ms  gen0/gen2 {(GC.CollectionCount(0) - gen0) / (runs + 1)}/{(GC.CollectionCount(2) - gen2) / (runs + 1)} per run");
    }

    private static double Median(IEnumerable<double> values)
    {
        List<double> sorted = [.. values.Order()];
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }
}
