using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using LibGit2Sharp;
using Slipway.BuildTools.Benchmarks;
using Slipway.LocalCluster;
using Slipway.LocalCluster.Controllers;
using Slipway.LocalCluster.Controllers.Runtime;
using Slipway.LocalCluster.Images;
using Slipway.LocalCluster.Store;

namespace Slipway.Benchmarks.LocalCluster.Controllers;

/// <summary>
/// How fast a change goes live in the local cluster, with the simulated pod start delay at zero so the figures are the
/// controllers' own overhead: one Deployment from create to Available; 100 Deployments of 3 replicas at once; and a
/// GitOps change of 300 objects from <c>reconcile.fluxcd.io/requestedAt</c> on the GitRepository to the Kustomization's
/// <c>lastAppliedRevision</c>. <c>--quick</c>: 5 single runs, 20 Deployments, 50 objects (not comparable with the figures).
/// </summary>
public static class LocalClusterControllersBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        string directory = Path.Combine(Path.GetTempPath(), "slipway-controllers-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        try
        {
            bool quick = args.Contains("--quick");
            int singles = quick ? 5 : 20;
            int many = quick ? 20 : 100;
            int objects = quick ? 50 : 300;
            var single = new List<double>();
            for (int i = 0; i < singles; i++)
            {
                single.Add(await DeploymentsAsync(directory, count: 1, replicas: 1));
            }

            single.Sort();
            Console.WriteLine($"deployment create -> Available (1 x 1 replica, median of {singles}): {single[singles / 2]:0.0} ms (min {single[0]:0.0}, max {single[^1]:0.0})");
            double all = await DeploymentsAsync(directory, count: many, replicas: 3);
            Console.WriteLine($"deployments create -> all Available ({many} x 3 replicas): {all:0} ms");
            double kustomization = await KustomizationAsync(directory, objects);
            Console.WriteLine($"git commit + requestedAt -> Kustomization applied ({objects} objects): {kustomization:0} ms");
            Record("controllers.deployment", $"Deployment create -> Available (1 replica, median of {singles})", single[singles / 2]);
            Record("controllers.deployments", $"{many} Deployments of 3 replicas create -> all Available", all);
            Record("controllers.kustomization", $"git commit + requestedAt -> Kustomization applied ({objects} objects)", kustomization);
            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void Record(string name, string title, double milliseconds)
        => BenchmarkRecorder.Record(new BenchmarkMeasure { Name = name, Title = title, Unit = "ms", Kind = FigureKind.InProcess, Value = milliseconds });

    private static async Task<double> DeploymentsAsync(string directory, int count, int replicas)
    {
        await using Cluster cluster = await Cluster.StartAsync(directory);
        await cluster.Images.PublishAsync("registry.local/web", "1.0", crash: false, CancellationToken.None);
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < count; i++)
        {
            cluster.Store.Create(KnownResourceTypes.Deployment, "default", JsonNode.Parse(Deployment($"web-{i}", replicas))!.AsObject());
        }

        while (cluster.Store.List(KnownResourceTypes.Deployment, "default").Count(d => d.Long("status", "availableReplicas") == replicas) < count)
        {
            await Task.Delay(1);
        }

        return clock.Elapsed.TotalMilliseconds;
    }

    private static async Task<double> KustomizationAsync(string directory, int objects)
    {
        await using Cluster cluster = await Cluster.StartAsync(directory);
        string bare = Path.Combine(directory, "gitops-" + Guid.NewGuid().ToString("N")[..8] + ".git");
        Repository.Init(bare, isBare: true);
        Commit(bare, objects, "a");
        cluster.Store.Create(KnownResourceTypes.GitRepository, "flux-system", JsonNode.Parse($$$"""
            {"metadata":{"name":"gitops","namespace":"flux-system"},"spec":{"url":"{{{bare}}}","interval":"10m","ref":{"branch":"main"} } }
            """)!.AsObject());
        cluster.Store.Create(KnownResourceTypes.Kustomization, "flux-system", JsonNode.Parse("""
            {"metadata":{"name":"apps","namespace":"flux-system"},"spec":{"interval":"10m","path":"./apps","prune":true,"sourceRef":{"kind":"GitRepository","name":"gitops"}}}
            """)!.AsObject());
        while (cluster.Store.Get(KnownResourceTypes.Kustomization, "flux-system", "apps").Str("status", "lastAppliedRevision") is null)
        {
            await Task.Delay(1);
        }

        string sha = Commit(bare, objects, "b");
        var clock = Stopwatch.StartNew();
        JsonObject source = cluster.Store.Get(KnownResourceTypes.GitRepository, "flux-system", "gitops")!;
        source["metadata"]!.AsObject()["annotations"] = new JsonObject { ["reconcile.fluxcd.io/requestedAt"] = "now" };
        cluster.Store.Update(KnownResourceTypes.GitRepository, "flux-system", source, statusOnly: false);
        while (cluster.Store.Get(KnownResourceTypes.Kustomization, "flux-system", "apps").Str("status", "lastAppliedRevision") != $"main@sha1:{sha}")
        {
            await Task.Delay(1);
        }

        return clock.Elapsed.TotalMilliseconds;
    }

    private static string Commit(string bare, int objects, string value)
    {
        using var repository = new Repository(bare);
        var tree = new TreeDefinition();
        for (int i = 0; i < objects; i++)
        {
            string yaml = $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config-{i}\n  namespace: apps\ndata:\n  value: \"{value}\"\n";
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(yaml));
            tree.Add($"apps/config-{i.ToString(CultureInfo.InvariantCulture)}.yaml", repository.ObjectDatabase.CreateBlob(stream), Mode.NonExecutableFile);
        }

        var signature = new Signature("bench", "bench@example.com", DateTimeOffset.UtcNow);
        Reference? head = repository.Refs["refs/heads/main"];
        LibGit2Sharp.Commit[] parents = head is null ? [] : [repository.Lookup<LibGit2Sharp.Commit>(head.TargetIdentifier)];
        LibGit2Sharp.Commit commit = repository.ObjectDatabase.CreateCommit(signature, signature, value, repository.ObjectDatabase.CreateTree(tree), parents, prettifyMessage: false);
        if (head is null)
        {
            repository.Refs.Add("refs/heads/main", commit.Id);
        }
        else
        {
            repository.Refs.UpdateTarget(head, commit.Id);
        }

        return commit.Sha;
    }

    private static string Deployment(string name, int replicas) => $$$"""
        {"metadata":{"name":"{{{name}}}","namespace":"default"},"spec":{"replicas":{{{replicas}}},"selector":{"matchLabels":{"app":"{{{name}}}"}},
         "template":{"metadata":{"labels":{"app":"{{{name}}}"}},"spec":{"containers":[{"name":"web","image":"registry.local/web:1.0"}]} } } }
        """;

    private sealed class Cluster : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly List<Task> _running = [];

        private Cluster(string directory)
        {
            string own = Path.Combine(directory, Guid.NewGuid().ToString("N")[..8]);
            Images = new ImageCatalog(Path.Combine(own, "images.yaml"));
            var options = new ControllerOptions { SourceCacheDirectory = Path.Combine(own, "sources"), PodReadyDelay = TimeSpan.Zero };
            foreach (IClusterController controller in LocalClusterControllers.Create(Store, Images, options))
            {
                _running.Add(Task.Run(() => controller.RunAsync(_stop.Token)));
            }
        }

        public InMemoryResourceStore Store { get; } = new();

        public ImageCatalog Images { get; }

        public static Task<Cluster> StartAsync(string directory) => Task.FromResult(new Cluster(directory));

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await Task.WhenAll(_running);
            _stop.Dispose();
        }
    }
}
