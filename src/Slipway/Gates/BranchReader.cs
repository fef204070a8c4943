using LibGit2Sharp;
using Slipway.Hosting;

namespace Slipway.Gates;

/// <summary>
/// The branch a run deploys: <c>GITHUB_REF_NAME</c> (GitHub Actions, not for a tag), <c>CI_COMMIT_BRANCH</c> (GitLab CI), else the
/// local HEAD of the configuration repository; and that repository's uncommitted files (ignored ones aside).
/// </summary>
public static class BranchReader
{
    public static BranchEvidence Read(IEnvironmentVariables variables, string rootDirectory)
    {
        IReadOnlyList<string> dirty = DirtyFiles(rootDirectory);
        if (variables.Get("GITHUB_REF_NAME") is { Length: > 0 } github && variables.Get("GITHUB_REF_TYPE") != "tag")
        {
            return new BranchEvidence(github, "GITHUB_REF_NAME", dirty);
        }

        if (variables.Get("CI_COMMIT_BRANCH") is { Length: > 0 } gitlab)
        {
            return new BranchEvidence(gitlab, "CI_COMMIT_BRANCH", dirty);
        }

        if (!Repository.IsValid(rootDirectory))
        {
            return new BranchEvidence(null, $"{rootDirectory} is not a git repository", dirty);
        }

        using var repository = new Repository(rootDirectory);
        return repository.Info.IsHeadDetached
            ? new BranchEvidence(null, $"the local HEAD is detached at {repository.Head.Tip?.Sha[..7]}", dirty)
            : new BranchEvidence(repository.Head.FriendlyName, "local HEAD", dirty);
    }

    private static IReadOnlyList<string> DirtyFiles(string rootDirectory)
    {
        if (!Repository.IsValid(rootDirectory))
        {
            return [];
        }

        using var repository = new Repository(rootDirectory);
        return repository.RetrieveStatus(new StatusOptions { IncludeUntracked = true, RecurseUntrackedDirs = true, IncludeIgnored = false })
            .Where(static entry => entry.State is not FileStatus.Unaltered and not FileStatus.Ignored)
            .Select(static entry => entry.FilePath)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }
}
