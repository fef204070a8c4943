using Slipway.Environments.Review;
using Slipway.GitOps;
using Slipway.GitOps.Git;
using Slipway.Infrastructure;
using Slipway.Releases;

namespace Slipway.Delivery;

/// <summary>
/// DestroyReview: removes a review environment for good — its local cluster (every object in it, and its kubeconfig
/// context), its GitOps folder and release log in one pushed commit, its Terraform workspace (destroy, then delete), and
/// its <c>.nuke/temp/&lt;env&gt;/</c> files. Each part already gone is said and skipped, so a second run, or a run after a
/// half-finished one, succeeds. Only a review environment (<see cref="ReviewEnvironmentName"/>) is ever torn down.
/// </summary>
public sealed partial class EnvironmentDelivery
{
    /// <summary>Tears the environment down; one line per part, saying what was removed and what was already gone.</summary>
    public async Task<IReadOnlyList<string>> DestroyReviewAsync(CancellationToken cancellationToken)
    {
        ReviewEnvironmentName.RequireReview(Name, "--env");
        if (!_settings.Cluster.Local || _context.LocalClusters is null)
        {
            throw SlipwayException.Input(
                $"{Name} does not run on a local cluster of its own (cluster.local is false in its {ReviewLayer.Parent} layer): DestroyReview removes a review environment's local cluster, and will not delete namespaces on a shared cluster. Nothing was touched.");
        }

        var report = new List<string>
        {
            await _context.LocalClusters.RemoveAsync(_context.Paths.LocalCluster, Name, cancellationToken).ConfigureAwait(false)
                ? $"Local cluster {Name}: removed (its state and the kubeconfig context slipway-{Name})."
                : $"Local cluster {Name}: already gone.",
            await RemoveGitOpsFilesAsync(cancellationToken).ConfigureAwait(false),
        };
        if (_settings.Infrastructure is not null)
        {
            InfraOptions options = InfraOptions();
            report.Add(await new InfraDestroyer(_context.Processes, _context.Variables).DestroyAsync(options, cancellationToken).ConfigureAwait(false)
                ? $"Terraform workspace {options.EffectiveWorkspace} ({options.StackPath}): destroyed and deleted."
                : $"Terraform workspace {options.EffectiveWorkspace} ({options.StackPath}): already gone.");
        }

        string temp = _context.Paths.Environment(Name);
        bool hadTemp = Directory.Exists(temp);
        if (hadTemp)
        {
            Directory.Delete(temp, recursive: true);
        }

        report.Add(hadTemp ? $"Local files {Path.GetRelativePath(_context.RootDirectory, temp)}: removed." : $"Local files {Path.GetRelativePath(_context.RootDirectory, temp)}: already gone.");
        return report;
    }

    /// <summary>The cluster folder, release log, holds and stop of the environment, removed in one commit (none when all are gone).</summary>
    private async Task<string> RemoveGitOpsFilesAsync(CancellationToken cancellationToken)
    {
        (IGitOpsRepository repository, GitOpsEnvironment environment) = await GitOpsAsync(cancellationToken).ConfigureAwait(false);
        string[] paths = [ClusterPath, GitOpsPaths.ReleaseLog(Name), GuardPaths.Holds(Name), GuardPaths.Stop(Name)];
        string[] removed = [];
        PushResult push = await repository.PushChangeAsync(
            (tree, _) =>
            {
                // runs again on the new head after a lost push race: what the last run removed is what the commit holds
                removed = [.. paths.Where(tree.Delete)];
                return Task.FromResult(removed.Length == 0 ? null : new ChangeDescription($"destroy({Name}): remove the review environment", $"Removed {string.Join(", ", removed)}."));
            },
            _context.CommitInfoFor(Name),
            cancellationToken).ConfigureAwait(false);
        string repositoryName = $"GitOps {RemoteUrls.Redact(environment.SourceUrl)} ({environment.Branch})";
        return !push.Changed
            ? $"{repositoryName}: {ClusterPath} already gone."
            : $"{repositoryName}: removed {string.Join(", ", removed)} in commit {push.ShortSha}, pushed{(removed.Contains(ClusterPath) ? string.Empty : $"; {ClusterPath} was already gone")}.";
    }
}
