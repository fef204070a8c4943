using LibGit2Sharp;
using Slipway.LocalCluster.Controllers.Manifests;

namespace Slipway.LocalCluster.Controllers.Flux;

/// <summary>
/// Fetches one reference of a repository (a local path, a bare repository or a <c>file://</c> URL) into a bare
/// cache repository with LibGit2Sharp, the way source-controller keeps an artifact per GitRepository.
/// </summary>
internal static class GitFetcher
{
    /// <summary>The local path a <c>spec.url</c> names.</summary>
    /// <exception cref="ManifestException">The URL is not local: the local cluster has no network git.</exception>
    public static string LocalPath(string url)
    {
        if (url.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            return new Uri(url).LocalPath;
        }

        if (url.Contains("://", StringComparison.Ordinal) || url.StartsWith("git@", StringComparison.Ordinal))
        {
            throw new ManifestException($"only local repositories (a path or file:// URL) are supported by the local cluster, not {url}");
        }

        return Path.GetFullPath(url);
    }

    /// <summary>Fetches the reference and returns the Flux revision (<c>main@sha1:…</c>) and the commit id.</summary>
    /// <exception cref="ManifestException">The repository or the reference does not exist.</exception>
    public static async Task<(string Revision, string Sha)> FetchAsync(string url, GitReference reference, string cacheDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        string source = LocalPath(url);
        if (!Directory.Exists(source) || !Repository.IsValid(source))
        {
            throw new ManifestException($"repository not found: {url} is not a git repository");
        }

        return await Task.Run(() => Fetch(source, reference, cacheDirectory), cancellationToken)
            .WaitAsync(timeout, cancellationToken)
            .ConfigureAwait(false);
    }

    private static (string Revision, string Sha) Fetch(string source, GitReference reference, string cacheDirectory)
    {
        if (!Repository.IsValid(cacheDirectory))
        {
            Directory.CreateDirectory(cacheDirectory);
            Repository.Init(cacheDirectory, isBare: true);
        }

        using var repository = new Repository(cacheDirectory);
        Remote? origin = repository.Network.Remotes["origin"];
        if (origin is null)
        {
            repository.Network.Remotes.Add("origin", source);
        }
        else if (origin.Url != source)
        {
            repository.Network.Remotes.Update("origin", r => r.Url = source);
        }

        string refspec = reference.Tag is not null
            ? $"+refs/tags/{reference.Tag}:refs/tags/{reference.Tag}"
            : $"+refs/heads/{reference.Branch}:refs/remotes/origin/{reference.Branch}";
        try
        {
            Commands.Fetch(repository, "origin", [refspec], new FetchOptions { TagFetchMode = TagFetchMode.None }, null);
        }
        catch (LibGit2SharpException failure)
        {
            throw new ManifestException($"failed to checkout and determine revision: unable to fetch {reference}: {failure.Message}", failure);
        }

        if (reference.Commit is not null)
        {
            Commit commit = repository.Lookup<Commit>(reference.Commit)
                ?? throw new ManifestException($"failed to checkout and determine revision: commit {reference.Commit} not found");
            EnsureReadable(commit, reference);
            return ($"{reference.Branch}@sha1:{commit.Sha}", commit.Sha);
        }

        string name = reference.Tag is not null ? $"refs/tags/{reference.Tag}" : $"refs/remotes/origin/{reference.Branch}";
        Commit? tip = repository.Refs[name]?.ResolveToDirectReference()?.Target?.Peel<Commit>();
        if (tip is null)
        {
            throw new ManifestException($"failed to checkout and determine revision: unable to resolve {reference}");
        }

        EnsureReadable(tip, reference);
        return ($"{reference.Tag ?? reference.Branch}@sha1:{tip.Sha}", tip.Sha);
    }

    /// <summary>A commit whose tree is missing (a corrupted remote) cannot be checked out: fail as source-controller does.</summary>
    private static void EnsureReadable(Commit commit, GitReference reference)
    {
        try
        {
            if (commit.Tree is null || commit.Tree.Count < 0)
            {
                throw new ManifestException($"failed to checkout and determine revision: unable to read the tree of {reference} at {commit.Sha}");
            }
        }
        catch (LibGit2SharpException failure)
        {
            throw new ManifestException($"failed to checkout and determine revision: unable to read the tree of {reference} at {commit.Sha}: {failure.Message}", failure);
        }
    }
}
