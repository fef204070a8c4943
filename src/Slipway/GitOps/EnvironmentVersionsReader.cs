using Slipway.GitOps.Git;
using Slipway.GitOps.Manifests;
namespace Slipway.GitOps;

/// <summary>Reads what an environment runs from the files at the head of the remote GitOps branch.</summary>
public static class EnvironmentVersionsReader
{
    /// <summary>The folders <see cref="Read"/> reads, to put in the snapshot.</summary>
    public static IReadOnlyList<string> Paths(string clusterPath) => [GitOpsPaths.Apps(clusterPath), GitOpsPaths.Platform(clusterPath)];

    public static async Task<EnvironmentVersions> ReadAsync(IGitOpsRepositoryReader reader, GitOpsEnvironment environment, CancellationToken cancellationToken)
    {
        KubernetesNames.Require(environment.Name, "environment");
        GitOpsSnapshot snapshot = await reader.ReadSnapshotAsync(Paths(environment.Path), cancellationToken).ConfigureAwait(false);
        return Read(snapshot, environment.Name, environment.Path);
    }

    public static EnvironmentVersions Read(GitOpsSnapshot snapshot, string environment, string clusterPath)
    {
        var apps = new List<RunningApp>();
        string appsFolder = GitOpsPaths.Apps(clusterPath);
        foreach (string path in snapshot.List(appsFolder))
        {
            string[] parts = path[(appsFolder.Length + 1)..].Split('/');
            GitOpsEngine? engine = parts[^1] switch
            {
                "helm-release.yaml" => GitOpsEngine.Flux,
                "application.yaml" => GitOpsEngine.ArgoCd,
                _ => null,
            };
            if (engine is null || parts.Length != 2)
            {
                continue;
            }

            AppManifestVersion version = AppManifestReader.Read(snapshot.Read(path)!, engine.Value, path);
            apps.Add(new RunningApp(parts[0], version.Image, version.Tag, version.Replicas, path));
        }

        var charts = new List<RunningChart>();
        foreach (string path in snapshot.List(GitOpsPaths.Platform(clusterPath)).Where(p => p.EndsWith(".yaml", StringComparison.Ordinal)))
        {
            string text = snapshot.Read(path)!;
            charts.Add(new RunningChart(Path.GetFileNameWithoutExtension(path), PlatformManifestReader.ReadChart(text, path), PlatformManifestReader.ReadVersion(text, path), path));
        }

        return new EnvironmentVersions(environment, snapshot.CommitSha, apps, charts);
    }
}
