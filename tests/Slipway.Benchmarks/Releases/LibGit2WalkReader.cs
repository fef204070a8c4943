using LibGit2Sharp;
using Slipway.GitOps;
using Slipway.GitOps.Git;

namespace Slipway.Benchmarks.Releases;

/// <summary>
/// The in-process LibGit2Sharp walk (<see cref="FileHistoryWalk"/>, tree entry ids commit by commit) over an existing clone,
/// as a reader <see cref="Slipway.Releases.AppHistoryReader"/> can use: the walk Slipway used before it read <c>git log</c>.
/// </summary>
internal sealed class LibGit2WalkReader : IGitOpsRepositoryReader
{
    private readonly string _clone;

    public LibGit2WalkReader(string clone)
    {
        _clone = clone;
    }

    public string RemoteDisplay => _clone;

    public string Branch => "main";

    public Task<GitOpsSnapshot> ReadSnapshotAsync(IReadOnlyList<string> folders, CancellationToken cancellationToken)
        => throw new NotSupportedException("The benchmark reads history only.");

    public Task<bool> ContainsAsync(string revision, string commit, CancellationToken cancellationToken)
        => throw new NotSupportedException("The benchmark reads history only.");

    public Task<IReadOnlyList<FileVersion>> ReadFileHistoryAsync(string path, Func<FileVersion, bool> keepReading, CancellationToken cancellationToken)
    {
        using var repository = new Repository(_clone);
        Commit tip = (Commit)repository.Refs["refs/remotes/origin/main"].ResolveToDirectReference().Target;
        return Task.FromResult(FileHistoryWalk.Read(repository, tip, path, keepReading, cancellationToken));
    }
}
