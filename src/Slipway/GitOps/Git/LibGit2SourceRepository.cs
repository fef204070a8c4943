using LibGit2Sharp;

namespace Slipway.GitOps.Git;

/// <summary>Reads the configuration repository's git identity and HEAD (for commit authors and trailers).</summary>
internal static class LibGit2SourceRepository
{
    /// <summary><c>user.name</c>, <c>user.email</c> and the HEAD commit; nulls when the folder is not a repository.</summary>
    public static (string? Name, string? Email, string? Head) Read(string rootDirectory)
    {
        if (!Repository.IsValid(rootDirectory))
        {
            return (null, null, null);
        }

        using var repository = new Repository(rootDirectory);
        return (repository.Config.Get<string>("user.name")?.Value, repository.Config.Get<string>("user.email")?.Value, repository.Head.Tip?.Sha);
    }
}
