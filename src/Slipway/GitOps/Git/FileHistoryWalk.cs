using LibGit2Sharp;

namespace Slipway.GitOps.Git;

/// <summary>
/// The versions of one file, newest first, found as <c>git log -- path</c> finds them: walking the commits by time and
/// comparing the tree entry id at the path with each parent's, without diffing (LibGit2Sharp's <c>QueryBy(path)</c> diffs
/// and follows renames, an order of magnitude slower on long histories). The entry id of a tree is remembered, so a
/// commit that changed nothing under the path's folders costs a dictionary look-up.
/// </summary>
internal sealed class FileHistoryWalk
{
    private readonly string[] _segments;
    private readonly Dictionary<(ObjectId Tree, int Level), ObjectId?> _entryOfTree = [];
    private readonly Dictionary<ObjectId, ObjectId?> _entryOfCommit = [];

    private FileHistoryWalk(string path)
    {
        _segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
    }

    public static IReadOnlyList<FileVersion> Read(Repository repository, Commit tip, string path, Func<FileVersion, bool> keepReading, CancellationToken cancellationToken)
    {
        var walk = new FileHistoryWalk(path);
        var versions = new List<FileVersion>();
        var filter = new CommitFilter { IncludeReachableFrom = tip, SortBy = CommitSortStrategies.None }; // git log's own order, streamed (time sorting makes libgit2 read every commit before the first)
        foreach (Commit commit in repository.Commits.QueryBy(filter))
        {
            cancellationToken.ThrowIfCancellationRequested();
            ObjectId? entry = walk.EntryOfCommit(commit);
            bool changed = true;
            bool root = true;
            foreach (Commit parent in commit.Parents)
            {
                root = false;
                if (walk.EntryOfCommit(parent) == entry)
                {
                    changed = false;
                    break;
                }
            }

            if (!changed || (entry is null && root))
            {
                continue;
            }

            string? text = entry is null ? null : repository.Lookup<Blob>(entry)?.GetContentText();
            var version = new FileVersion(commit.Sha, commit.Author.When, commit.Author.Name, commit.MessageShort, text);
            versions.Add(version);
            if (!keepReading(version))
            {
                break;
            }
        }

        return versions;
    }

    /// <summary>The blob id at the path in the commit's tree (null when not a file there), computed once per commit: a parent's is reused when the walk reaches it.</summary>
    private ObjectId? EntryOfCommit(Commit commit)
    {
        if (!_entryOfCommit.TryGetValue(commit.Id, out ObjectId? entry))
        {
            entry = EntryOf(commit.Tree, 0);
            _entryOfCommit[commit.Id] = entry;
        }

        return entry;
    }

    private ObjectId? EntryOf(Tree tree, int level)
    {
        if (_entryOfTree.TryGetValue((tree.Id, level), out ObjectId? known))
        {
            return known;
        }

        TreeEntry? entry = tree[_segments[level]];
        ObjectId? result = entry switch
        {
            null => null,
            { TargetType: TreeEntryTargetType.Tree } when level < _segments.Length - 1 => EntryOf((Tree)entry.Target, level + 1),
            { TargetType: TreeEntryTargetType.Blob } when level == _segments.Length - 1 => entry.Target.Id,
            _ => null,
        };
        _entryOfTree[(tree.Id, level)] = result;
        return result;
    }
}
