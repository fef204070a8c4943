using System.Text.Json.Nodes;
using LibGit2Sharp;

namespace Slipway.LocalCluster.Controllers.Manifests;

/// <summary>
/// Reads the manifests under a path of a commit straight from a repository's object database (no checkout).
/// A directory with a <c>kustomization.yaml</c> contributes what its <c>resources:</c> list names (files, or
/// directories read the same way) and its <c>namespace:</c>; a directory without one contributes every YAML
/// document of every <c>.yaml</c>/<c>.yml</c> file (in subdirectories too when <paramref name="recurse"/>), as
/// the kustomization Flux generates would. Documents without <c>apiVersion</c> and <c>kind</c> are not manifests
/// and are left out. Other kustomize features (patches, images, generators, remote bases) are refused with a
/// clear message rather than silently ignored.
/// </summary>
internal static class GitTreeManifests
{
    private static readonly string[] s_kustomizationFiles = ["kustomization.yaml", "kustomization.yml", "Kustomization"];
    private static readonly HashSet<string> s_supportedKustomizeFields = new(StringComparer.Ordinal) { "apiVersion", "kind", "resources", "namespace" };

    /// <exception cref="ManifestException">The commit or path does not exist, or a file cannot be read.</exception>
    public static IReadOnlyList<Manifest> Read(Repository repository, string commitSha, string path, bool recurse)
    {
        Commit commit = repository.Lookup<Commit>(commitSha) ?? throw new ManifestException($"commit {commitSha} not found in the source");
        string directory = Normalize(path);
        Tree tree = directory.Length == 0
            ? commit.Tree
            : commit[directory]?.Target as Tree ?? throw new ManifestException($"kustomization path not found: {path} does not exist at revision {commitSha[..Math.Min(12, commitSha.Length)]}");
        var manifests = new List<Manifest>();
        ReadDirectory(commit.Tree, tree, directory, recurse, manifests, 0);
        return manifests;
    }

    /// <summary><c>./clusters/staging/</c> → <c>clusters/staging</c>; <c>a/../b</c> → <c>b</c>.</summary>
    public static string Normalize(string? path)
    {
        var parts = new List<string>();
        foreach (string part in (path ?? string.Empty).Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    throw new ManifestException($"path {path} leaves the repository");
                }

                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return string.Join('/', parts);
    }

    private static void ReadDirectory(Tree root, Tree tree, string directory, bool recurse, List<Manifest> manifests, int depth)
    {
        if (depth > 32)
        {
            throw new ManifestException($"{directory}: kustomization resources nest too deep (a cycle?)");
        }

        TreeEntry? kustomization = s_kustomizationFiles.Select(name => tree[name]).FirstOrDefault(e => e?.TargetType == TreeEntryTargetType.Blob);
        if (kustomization is not null)
        {
            ReadKustomization(root, directory, (Blob)kustomization.Target, Join(directory, kustomization.Name), manifests, depth);
            return;
        }

        foreach (TreeEntry entry in tree.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (entry.TargetType == TreeEntryTargetType.Blob && (entry.Name.EndsWith(".yaml", StringComparison.Ordinal) || entry.Name.EndsWith(".yml", StringComparison.Ordinal)))
            {
                ReadFile((Blob)entry.Target, Join(directory, entry.Name), manifests);
            }
            else if (recurse && entry.TargetType == TreeEntryTargetType.Tree)
            {
                ReadDirectory(root, (Tree)entry.Target, Join(directory, entry.Name), recurse, manifests, depth + 1);
            }
        }
    }

    private static void ReadKustomization(Tree root, string directory, Blob blob, string file, List<Manifest> manifests, int depth)
    {
        var document = YamlDocuments.Parse(blob.GetContentText(), file).FirstOrDefault() ?? [];
        string? unsupported = document.Select(p => p.Key).FirstOrDefault(k => !s_supportedKustomizeFields.Contains(k));
        if (unsupported is not null)
        {
            throw new ManifestException($"{file}: '{unsupported}' is not supported by the local cluster (only resources and namespace are)");
        }

        string? ns = document["namespace"]?.GetValue<string>();
        var own = new List<Manifest>();
        foreach (string resource in (document["resources"]?.AsArray() ?? []).Select(r => r?.ToString() ?? string.Empty))
        {
            if (resource.Contains("://", StringComparison.Ordinal) || resource.StartsWith("github.com/", StringComparison.Ordinal))
            {
                throw new ManifestException($"{file}: remote resource {resource} is not supported by the local cluster");
            }

            string target = Normalize(Join(directory, resource));
            TreeEntry? entry = target.Length == 0 ? null : root[target];
            if (entry is null)
            {
                throw new ManifestException($"{file}: resource {resource} not found ({target} does not exist)");
            }

            if (entry.TargetType == TreeEntryTargetType.Tree)
            {
                ReadDirectory(root, (Tree)entry.Target, target, recurse: false, own, depth + 1);
            }
            else
            {
                ReadFile((Blob)entry.Target, target, own);
            }
        }

        if (ns is not null)
        {
            foreach (Manifest manifest in own.Where(m => m.Object["kind"]?.ToString() != "Namespace"))
            {
                ((JsonObject)(manifest.Object["metadata"] ??= new JsonObject()))["namespace"] = ns;
            }
        }

        manifests.AddRange(own);
    }

    private static void ReadFile(Blob blob, string file, List<Manifest> manifests)
    {
        foreach (var obj in YamlDocuments.Parse(blob.GetContentText(), file))
        {
            if (obj["apiVersion"] is not null && obj["kind"] is not null)
            {
                manifests.Add(new Manifest(file, obj));
            }
        }
    }

    private static string Join(string directory, string name) => directory.Length == 0 ? name : $"{directory}/{name}";
}
