using System.Text.Json.Nodes;
using LibGit2Sharp;
using Slipway.LocalCluster.Controllers.Flux;
using Slipway.LocalCluster.Controllers.Helm;
using Slipway.LocalCluster.Controllers.Manifests;
using Slipway.LocalCluster.Controllers.Runtime;

namespace Slipway.LocalCluster.Controllers.ArgoCd;

/// <summary>
/// Resolves an Application's <c>spec.source</c> into objects, as Argo CD's repo-server renders it: a <c>path</c> in the
/// local repository <c>repoURL</c> at <c>targetRevision</c> (a branch, tag, commit or <c>HEAD</c>), read like the
/// Kustomization does (a directory is not recursed unless <c>directory.recurse</c>, as in Argo CD), or a <c>chart</c>
/// whose <c>helm.valuesObject</c> and <c>helm.parameters</c> (<c>image.repository</c>, <c>image.tag</c>, <c>replicaCount</c>, …)
/// become the Deployment a HelmRelease would install; a <c>path</c> with a <c>helm</c> section is a chart kept in the
/// repository and becomes that Deployment too, at the resolved commit. Objects carry Argo CD's tracking label
/// <c>app.kubernetes.io/instance: &lt;application&gt;</c>.
/// </summary>
internal static class ApplicationSource
{
    public const string InstanceLabel = "app.kubernetes.io/instance";

    public static DesiredState Resolve(JsonObject application, string? revisionOverride, ManifestApplier applier)
    {
        string name = application.Str("metadata", "name") ?? string.Empty;
        JsonObject? source = application.Obj("spec", "source");
        if (source is null)
        {
            return DesiredState.Failed(application.At("spec", "sources") is not null
                ? "spec.sources (multiple sources) is not supported by the local cluster; use spec.source"
                : "spec.source is required");
        }

        string destination = application.Str("spec", "destination", "namespace") ?? "default";
        var labels = new Dictionary<string, string> { [InstanceLabel] = name };
        try
        {
            if (source.Str("chart") is string chart)
            {
                string version = revisionOverride ?? source.Str("targetRevision") ?? "latest";
                var release = new ChartRelease(source.Str("helm", "releaseName") ?? name, destination, chart, version, Values(source));
                JsonObject deployment = ChartDeployment.Build(release, labels);
                return new DesiredState(version, applier.Plan([new Manifest($"{chart}@{version}", deployment)], destination, null, labels), "Helm", null);
            }

            string repositoryPath = GitFetcher.LocalPath(source.Str("repoURL") ?? string.Empty);
            if (!Repository.IsValid(repositoryPath))
            {
                return DesiredState.Failed($"repository not found: {source.Str("repoURL")} is not a git repository");
            }

            using var repository = new Repository(repositoryPath);
            string revision = revisionOverride ?? source.Str("targetRevision") ?? "HEAD";
            Commit commit = Resolve(repository, revision)
                ?? throw new ManifestException($"unable to resolve '{revision}' to a commit SHA");
            if (source.Obj("helm") is not null)
            {
                // A chart in the repository at path: there is no chart to render here, so the release is the Deployment a
                // HelmRelease of that chart installs (as the Flux controller does for chart ./charts/<name> from a GitRepository).
                string chartPath = source.Str("path") ?? name;
                var inRepository = new ChartRelease(source.Str("helm", "releaseName") ?? name, destination, chartPath, "latest", Values(source));
                JsonObject installed = ChartDeployment.Build(inRepository, labels);
                return new DesiredState(commit.Sha, applier.Plan([new Manifest($"{chartPath}@{commit.Sha[..12]}", installed)], destination, null, labels), "Helm", null);
            }

            IReadOnlyList<Manifest> manifests = GitTreeManifests.Read(repository, commit.Sha, source.Str("path") ?? ".", source.Bool("directory", "recurse"));
            return new DesiredState(commit.Sha, applier.Plan(manifests, destination, null, labels), "Directory", null);
        }
        catch (ManifestException failure)
        {
            return DesiredState.Failed(failure.Message);
        }
    }

    /// <summary><c>valuesObject</c> with each <c>parameters</c> entry set at its dotted path (numbers stay numbers where they parse).</summary>
    public static JsonObject Values(JsonObject source)
    {
        JsonObject values = source.Obj("helm", "valuesObject")?.DeepClone().AsObject() ?? [];
        foreach (JsonNode? parameter in source.Arr("helm", "parameters") ?? [])
        {
            string[] path = (parameter.Str("name") ?? string.Empty).Split('.', StringSplitOptions.RemoveEmptyEntries);
            if (path.Length == 0)
            {
                continue;
            }

            string text = parameter.Str("value") ?? string.Empty;
            JsonObject parent = values.Ensure(path[..^1]);
            parent[path[^1]] = !parameter.Bool("forceString") && long.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out long number)
                ? JsonValue.Create(number)
                : JsonValue.Create(text);
        }

        return values;
    }

    private static Commit? Resolve(Repository repository, string revision)
    {
        if (revision == "HEAD" || revision.Length == 0)
        {
            return repository.Head?.Tip;
        }

        return repository.Branches[revision]?.Tip
            ?? repository.Tags[revision]?.PeeledTarget as Commit
            ?? TryLookup(repository, revision);
    }

    private static Commit? TryLookup(Repository repository, string revision)
    {
        try
        {
            return repository.Lookup<Commit>(revision);
        }
        catch (LibGit2SharpException)
        {
            return null;
        }
    }
}
