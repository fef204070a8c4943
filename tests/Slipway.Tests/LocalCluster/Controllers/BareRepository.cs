using System.Text;
using LibGit2Sharp;

namespace Slipway.Tests.LocalCluster.Controllers;

/// <summary>A real bare git repository in a directory, written to with LibGit2Sharp: each commit is the whole tree given.</summary>
internal sealed class BareRepository
{
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);

    public BareRepository(string path)
    {
        Path = path;
        Repository.Init(path, isBare: true);
        using var repository = new Repository(path);
        repository.Refs.UpdateTarget("HEAD", "refs/heads/main");
    }

    public string Path { get; }

    /// <summary>Writes, changes (text) or deletes (null) files and commits them on <paramref name="branch"/>; returns the sha.</summary>
    public string Commit(IReadOnlyDictionary<string, string?> changes, string message = "change", string branch = "main")
    {
        foreach ((string file, string? content) in changes)
        {
            if (content is null)
            {
                _files.Remove(file);
            }
            else
            {
                _files[file] = content;
            }
        }

        using var repository = new Repository(Path);
        var tree = new TreeDefinition();
        foreach ((string file, string content) in _files)
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
            tree.Add(file, repository.ObjectDatabase.CreateBlob(stream), Mode.NonExecutableFile);
        }

        var signature = new Signature("Test", "test@example.com", DateTimeOffset.UtcNow);
        Reference? head = repository.Refs[$"refs/heads/{branch}"];
        Commit[] parents = head is null ? [] : [repository.Lookup<Commit>(head.TargetIdentifier)];
        Commit commit = repository.ObjectDatabase.CreateCommit(signature, signature, message, repository.ObjectDatabase.CreateTree(tree), parents, prettifyMessage: false);
        if (head is null)
        {
            repository.Refs.Add($"refs/heads/{branch}", commit.Id);
        }
        else
        {
            repository.Refs.UpdateTarget(head, commit.Id);
        }

        return commit.Sha;
    }
}
