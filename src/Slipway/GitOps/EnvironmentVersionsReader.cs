using Slipway.Releases;

namespace Slipway.GitOps;

/// <summary>Reads what an environment runs from the files at the head of the remote GitOps branch.</summary>
public static class EnvironmentVersionsReader
{
    public static async Task<EnvironmentVersions> ReadAsync(IGitOpsRepositoryReader reader, string environment, CancellationToken cancellationToken)
    {
        KubernetesNames.Require(environment, "environment");
        GitOpsSnapshot snapshot = await reader.ReadSnapshotAsync(
            [GitOpsPaths.Apps(environment), GitOpsPaths.Platform(environment), GitOpsPaths.ReleaseLog(environment)],
            cancellationToken).ConfigureAwait(false);
        return Read(snapshot, environment);
    }

    public static EnvironmentVersions Read(GitOpsSnapshot snapshot, string environment)
    {
        var apps = new List<RunningApp>();
        foreach (string path in snapshot.List(GitOpsPaths.Apps(environment)))
        {
            string[] parts = path.Split('/');
            GitOpsEngine? engine = parts[^1] switch
            {
                "helm-release.yaml" => GitOpsEngine.Flux,
                "application.yaml" => GitOpsEngine.ArgoCd,
                _ => null,
            };
            if (engine is null || parts.Length != 5)
            {
                continue;
            }

            AppManifestVersion version = AppManifestReader.Read(snapshot.Read(path)!, engine.Value, path);
            apps.Add(new RunningApp(parts[3], version.Image, version.Tag, version.Replicas, path));
        }

        var charts = new List<RunningChart>();
        foreach (string path in snapshot.List(GitOpsPaths.Platform(environment)).Where(p => p.EndsWith(".yaml", StringComparison.Ordinal)))
        {
            string text = snapshot.Read(path)!;
            charts.Add(new RunningChart(Path.GetFileNameWithoutExtension(path), PlatformManifestReader.ReadChart(text, path), PlatformManifestReader.ReadVersion(text, path), path));
        }

        ReleaseHistory releases = ReleaseLog.Parse(environment, snapshot.Read(GitOpsPaths.ReleaseLog(environment)));
        return new EnvironmentVersions(environment, snapshot.CommitSha, apps, charts, releases);
    }
}
