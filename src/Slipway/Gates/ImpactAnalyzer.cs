using LibGit2Sharp;
using Slipway.Environments;
using Slipway.Infrastructure;

namespace Slipway.Gates;

/// <summary>
/// The impact of deploying an environment now: its merged configuration at the commit it was last deployed from (the
/// release log's <c>sourceCommit</c>) against the work tree's, key by key, the <c>infra/</c> files changed since that commit,
/// and the saved plan. Without a recorded release everything is new; a baseline commit missing from this clone (a shallow
/// CI checkout) counts as high risk, saying so.
/// </summary>
public static class ImpactAnalyzer
{
    public static async Task<ChangeImpact> AnalyzeAsync(ImpactRequest request, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, string> after = ConfigKeys.Flatten(request.Catalog.Resolve(request.Environment).Root);
        var items = new List<ImpactItem>();
        string baseline;
        if (request.BaseCommit is not { } commitSha)
        {
            baseline = "no release recorded: everything is new";
            items.AddRange(ImpactClassifier.Keys(new Dictionary<string, string>(), after));
        }
        else if (!Repository.IsValid(request.RootDirectory))
        {
            baseline = $"{request.RootDirectory} is not a git repository: what changed since {Short(commitSha)} cannot be told";
            items.Add(new ImpactItem("baseline", ChangeRisk.High, baseline));
        }
        else
        {
            using var repository = new Repository(request.RootDirectory);
            if (repository.Lookup<Commit>(commitSha) is not { } commit)
            {
                baseline = $"the last release was deployed from {Short(commitSha)}, which this clone does not have";
                items.Add(new ImpactItem("baseline", ChangeRisk.High, $"{baseline}: fetch the history (actions/checkout with fetch-depth: 0, GIT_DEPTH: 0) to see what changed"));
            }
            else
            {
                baseline = $"since {Short(commitSha)}, the commit the last release was deployed from";
                IReadOnlyDictionary<string, string> before = await BaselineKeysAsync(commit, request, cancellationToken).ConfigureAwait(false);
                items.AddRange(ImpactClassifier.Keys(before, after));
                TreeChanges files = repository.Diff.Compare<TreeChanges>(commit.Tree, DiffTargets.Index | DiffTargets.WorkingDirectory);
                items.AddRange(files.Select(static f => f.Path.Replace('\\', '/')).Where(ImpactClassifier.IsInfraFile).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(ImpactClassifier.File));
            }
        }

        if (request.PlanMetadata is { } path && File.Exists(path) && ImpactClassifier.Plan(await PlanMetadata.ReadAsync(path, cancellationToken).ConfigureAwait(false)) is { } plan)
        {
            items.Add(plan);
        }

        return new ChangeImpact(request.Environment, baseline, items);
    }

    /// <summary>The environment's merged keys at <paramref name="commit"/>: its <c>environments/</c> folder written to a scratch folder and loaded.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> BaselineKeysAsync(Commit commit, ImpactRequest request, CancellationToken cancellationToken)
    {
        string scratch = Path.Combine(request.ScratchDirectory, $"impact-{commit.Sha[..12]}-{Guid.NewGuid():N}");
        try
        {
            if (commit[EnvironmentCatalog.EnvironmentsFolder]?.Target is Tree tree)
            {
                Write(tree, Path.Combine(scratch, EnvironmentCatalog.EnvironmentsFolder));
            }

            Directory.CreateDirectory(scratch);
            // the environments of the commit last deployed, from a scratch checkout: not the run's (those come in the request)
            EnvironmentCatalog catalog = await EnvironmentCatalog.LoadAsync(scratch, cancellationToken).ConfigureAwait(false);
            return catalog.Contains(request.Environment) ? ConfigKeys.Flatten(catalog.Resolve(request.Environment).Root) : new Dictionary<string, string>();
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }

    private static void Write(Tree tree, string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (TreeEntry entry in tree)
        {
            string path = Path.Combine(directory, entry.Name);
            if (entry.Target is Tree child)
            {
                Write(child, path);
            }
            else if (entry.Target is Blob blob)
            {
                using Stream content = blob.GetContentStream();
                using FileStream file = File.Create(path);
                content.CopyTo(file);
            }
        }
    }

    private static string Short(string sha) => sha[..Math.Min(7, sha.Length)];
}
