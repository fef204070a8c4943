using Slipway.GitOps.Git;
using Slipway.GitOps.Manifests;
namespace Slipway.GitOps;

/// <summary>
/// The entry points of DeployPlatform and SyncApps: render the environment's manifests into the GitOps
/// work tree (splicing into existing files), and commit and push them as one change.
/// </summary>
public sealed class GitOpsDeployer
{
    private readonly IGitOpsRepository _repository;
    private readonly GitOpsEnvironment _environment;

    public GitOpsDeployer(IGitOpsRepository repository, GitOpsEnvironment environment)
    {
        KubernetesNames.Require(environment.Name, "environment");
        _repository = repository;
        _environment = environment;
    }

    /// <summary>Writes each app's image, tag and replicas (and the environment's bootstrap file), commits, pushes.</summary>
    public async Task<GitOpsDeployResult> SyncAppsAsync(IReadOnlyList<AppRelease> apps, CommitInfo info, CancellationToken cancellationToken)
    {
        foreach (AppRelease app in apps)
        {
            KubernetesNames.Require(app.Name, "app");
            KubernetesNames.Require(app.Namespace, $"namespace of app {app.Name}");
        }

        var changes = new List<VersionChange>();
        PushResult push = await _repository.PushChangeAsync(
            async (tree, ct) =>
            {
                changes.Clear();
                await WriteBootstrapAsync(tree, ct).ConfigureAwait(false);
                foreach (AppRelease app in apps)
                {
                    if (app.Chart is null)
                    {
                        await AppChartScaffold.EnsureAsync(tree, app.Name, ct).ConfigureAwait(false);
                    }

                    string path = GitOpsPaths.App(_environment.Path, app.Name, _environment.Engine);
                    string? existing = await tree.ReadTextAsync(path, ct).ConfigureAwait(false);
                    AppManifestVersion? before = existing is null ? null : AppManifestReader.Read(existing, _environment.Engine, path);
                    await tree.WriteTextAsync(path, ManifestRenderer.RenderApp(_environment, app, existing), ct).ConfigureAwait(false);
                    changes.AddRange(AppChanges(app, before));
                }

                return DeployMessages.Deploy(_environment.Name, changes);
            },
            info,
            cancellationToken).ConfigureAwait(false);
        return new GitOpsDeployResult(_environment.Name, push, push.Changed ? changes.ToArray() : [], _repository.RemoteDisplay);
    }

    /// <summary>Writes each platform release's manifest (and the environment's bootstrap file), commits, pushes.</summary>
    public async Task<GitOpsDeployResult> DeployPlatformAsync(IReadOnlyList<PlatformRelease> releases, CommitInfo info, CancellationToken cancellationToken)
    {
        foreach (PlatformRelease release in releases)
        {
            KubernetesNames.Require(release.Name, "platform release");
            KubernetesNames.Require(release.Namespace, $"namespace of platform release {release.Name}");
        }

        var changes = new List<VersionChange>();
        PushResult push = await _repository.PushChangeAsync(
            async (tree, ct) =>
            {
                changes.Clear();
                await WriteBootstrapAsync(tree, ct).ConfigureAwait(false);
                foreach (PlatformRelease release in releases)
                {
                    string path = GitOpsPaths.PlatformRelease(_environment.Path, release.Name);
                    string? existing = await tree.ReadTextAsync(path, ct).ConfigureAwait(false);
                    string? before = existing is null ? null : PlatformManifestReader.ReadVersion(existing, path);
                    await tree.WriteTextAsync(path, ManifestRenderer.RenderPlatform(_environment, release, existing), ct).ConfigureAwait(false);
                    if (before != release.Version)
                    {
                        changes.Add(new VersionChange(release.Name, before, release.Version));
                    }
                }

                return DeployMessages.Platform(_environment.Name, changes);
            },
            info,
            cancellationToken).ConfigureAwait(false);
        return new GitOpsDeployResult(_environment.Name, push, push.Changed ? changes.ToArray() : [], _repository.RemoteDisplay);
    }

    /// <summary>Pushes only the environment's bootstrap file (Flux GitRepository + Kustomization, or Argo CD root apps).</summary>
    public async Task<GitOpsDeployResult> BootstrapAsync(CommitInfo info, CancellationToken cancellationToken)
    {
        PushResult push = await _repository.PushChangeAsync(
            async (tree, ct) =>
            {
                await WriteBootstrapAsync(tree, ct).ConfigureAwait(false);
                return new ChangeDescription($"bootstrap({_environment.Name}): {(_environment.Engine == GitOpsEngine.Flux ? "Flux GitRepository and Kustomization" : "Argo CD root applications")}");
            },
            info,
            cancellationToken).ConfigureAwait(false);
        return new GitOpsDeployResult(_environment.Name, push, [], _repository.RemoteDisplay);
    }

    private async Task WriteBootstrapAsync(IGitOpsWorkTree tree, CancellationToken cancellationToken)
    {
        string path = GitOpsPaths.Bootstrap(_environment.Path, _environment.Engine);
        string? existing = await tree.ReadTextAsync(path, cancellationToken).ConfigureAwait(false);
        await tree.WriteTextAsync(path, ManifestRenderer.RenderBootstrap(_environment, existing), cancellationToken).ConfigureAwait(false);
    }

    private static IEnumerable<VersionChange> AppChanges(AppRelease app, AppManifestVersion? before)
    {
        if (before?.Image is { } image && image != app.Image)
        {
            yield return new VersionChange($"{app.Name} image", image, app.Image);
        }

        if (before?.Tag != app.Tag)
        {
            yield return new VersionChange(app.Name, before?.Tag, app.Tag);
        }

        if (before?.Replicas is { } replicas && replicas != app.Replicas)
        {
            yield return new VersionChange($"{app.Name} replicas", replicas.ToString(System.Globalization.CultureInfo.InvariantCulture), app.Replicas.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
