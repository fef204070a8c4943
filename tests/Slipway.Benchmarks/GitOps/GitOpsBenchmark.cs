using System.Diagnostics;
using System.Globalization;
using Slipway.BuildTools.Benchmarks;
using Slipway.GitOps;
using Slipway.GitOps.Git;
using Slipway.GitOps.Manifests;
using Slipway.GitOps.Yaml;
using Slipway.Hosting;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Slipway.Benchmarks.GitOps;

/// <summary>
/// Measures the GitOps part of a deploy: the comment-preserving splice against a YamlDotNet
/// deserialize + serialize round trip (baseline, which loses comments), and change-and-push against a
/// local bare repository (first run with clone, warm run with a new tag, warm run with no change).
/// Arguments: [ITERATIONS] [--quick] (200 YAML operations and 3 push runs).
/// </summary>
public static class GitOpsBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        bool quick = args.Contains("--quick");
        int iterations = args.Length > 0 && int.TryParse(args[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) ? n : quick ? 200 : 2000;
        int pushRuns = quick ? 3 : 10;
        MeasureYaml(iterations, print: false); // a first round so every path is jitted and tiered up
        MeasureYaml(iterations, print: true);
        await MeasurePushAsync(apps: 1, pushRuns);
        await MeasurePushAsync(apps: 50, pushRuns);
        return 0;
    }

    private static void MeasureYaml(int iterations, bool print)
    {
        var environment = new GitOpsEnvironment("staging", GitOpsEngine.Flux, "/tmp/remote.git", "main");
        string text = ManifestRenderer.RenderApp(environment, new AppRelease("web", "ghcr.io/acme/web", "staging-122", 2, "web"), null);
        IDeserializer deserializer = new DeserializerBuilder().Build();
        ISerializer serializer = new SerializerBuilder().Build();

        double splice = PerOperationMicroseconds(iterations, i => YamlScalarEditor.SetScalar(text, "spec.values.image.tag", $"staging-{i}", documentKind: "HelmRelease"));
        double roundTrip = PerOperationMicroseconds(iterations, i =>
        {
            using var reader = new StringReader(text);
            var parser = new Parser(reader);
            parser.Consume<StreamStart>();
            var documents = new List<object?>();
            while (parser.Accept<DocumentStart>(out _))
            {
                documents.Add(deserializer.Deserialize<object>(parser));
            }

            return string.Join("---\n", documents.Select(d => serializer.Serialize(d)));
        });
        double parseOnly = PerOperationMicroseconds(iterations, _ =>
        {
            var stream = new YamlDotNet.RepresentationModel.YamlStream();
            stream.Load(new StringReader(text));
            return text;
        });
        if (!print)
        {
            return;
        }

        BenchmarkRecorder.Record(new BenchmarkMeasure
        {
            Name = "gitops.splice",
            Title = $"set image.tag in a {text.Length:N0}-char commented HelmRelease file, comments kept (per operation, warm)",
            Unit = "µs",
            Kind = FigureKind.InProcess,
            Value = splice,
            Baseline = roundTrip,
            BaselineTitle = "YamlDotNet deserialize + serialize (drops comments)",
        });
        Console.WriteLine($"GitOps YAML: splice image.tag in a {text.Length}-char commented HelmRelease file: {splice:0.0} us/op "
            + $"(of which parsing with YamlDotNet: {parseOnly:0.0} us/op); baseline YamlDotNet deserialize+serialize (drops comments): {roundTrip:0.0} us/op; "
            + $"ratio {splice / roundTrip:0.00} ({iterations} ops each)");
    }

    private static async Task MeasurePushAsync(int apps, int runs)
    {
        string root = Path.Combine(Path.GetTempPath(), "slipway-gitops-bench-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            string remote = await LocalGitOpsRemote.EnsureAsync(Path.Combine(root, "remote.git"), "main", CancellationToken.None);
            IGitOpsRepository repository = GitOpsRepository.Open(
                new GitOpsRepositoryOptions(remote, "main", Path.Combine(root, "gitops")), new DictionaryEnvironmentVariables(), NullLog.Instance, TimeProvider.System);
            var deployer = new GitOpsDeployer(repository, new GitOpsEnvironment("staging", GitOpsEngine.Flux, remote, "main"));
            var info = new CommitInfo("bench", "bench@localhost", "staging", new string('0', 40), "bench");
            AppRelease[] Release(int tag) => Enumerable.Range(0, apps).Select(i => new AppRelease($"app{i}", $"ghcr.io/acme/app{i}", $"staging-{tag}", 2, $"app{i}")).ToArray();

            var first = Stopwatch.StartNew();
            await deployer.SyncAppsAsync(Release(1), info, CancellationToken.None);
            first.Stop();

            var warm = new List<double>();
            var unchanged = new List<double>();
            for (int i = 2; i < 2 + runs; i++)
            {
                var watch = Stopwatch.StartNew();
                await deployer.SyncAppsAsync(Release(i), info, CancellationToken.None);
                warm.Add(watch.Elapsed.TotalMilliseconds);
                watch.Restart();
                await deployer.SyncAppsAsync(Release(i), info, CancellationToken.None);
                unchanged.Add(watch.Elapsed.TotalMilliseconds);
            }

            BenchmarkRecorder.Record(new BenchmarkMeasure
            {
                Name = $"gitops.push-{apps}",
                Title = $"SyncApps of {apps} app(s), a new tag, to a local bare remote (median of {runs})",
                Unit = "ms",
                Kind = FigureKind.InProcess,
                Value = Median(warm),
                Note = $"first SyncApps with clone and bootstrap {first.Elapsed.TotalMilliseconds:0} ms; no change {Median(unchanged):0.0} ms",
            });
            Console.WriteLine($"GitOps push ({apps} app(s), local bare remote): first SyncApps (init clone + bootstrap) {first.Elapsed.TotalMilliseconds:0} ms; "
                + $"warm new tag median {Median(warm):0.0} ms; warm no change median {Median(unchanged):0.0} ms ({runs} runs each)");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static double PerOperationMicroseconds(int iterations, Func<int, string> operation)
    {
        // Warm up long enough for tiered compilation to promote the hot paths.
        var warmup = Stopwatch.StartNew();
        for (int i = 0; warmup.ElapsedMilliseconds < 500; i++)
        {
            operation(i);
        }

        var watch = Stopwatch.StartNew();
        long length = 0;
        for (int i = 0; i < iterations; i++)
        {
            length += operation(i).Length;
        }

        watch.Stop();
        GC.KeepAlive(length);
        return watch.Elapsed.TotalMicroseconds / iterations;
    }

    private static double Median(List<double> values)
    {
        double[] sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
