using Slipway.GitOps.Git;

namespace Slipway.Releases;

/// <summary>
/// What stands between a deploy and an environment in the GitOps repository: the holds a rollback set (and, later, the
/// emergency stops). Read from one snapshot of the branch; <see cref="RefuseMoves"/> is what every deploy asks.
/// </summary>
public sealed class EnvironmentGuards
{
    public EnvironmentGuards(string environment, IReadOnlyList<Hold> holds)
    {
        Environment = environment;
        Holds = holds;
    }

    public string Environment { get; }

    public IReadOnlyList<Hold> Holds { get; }

    /// <summary>The paths <see cref="Read"/> needs in the snapshot.</summary>
    public static IReadOnlyList<string> Paths(string environment) => [GuardPaths.Holds(environment)];

    public static EnvironmentGuards Read(GitOpsSnapshot snapshot, string environment)
        => new(environment, HoldLog.Parse(environment, snapshot.Read(GuardPaths.Holds(environment))));

    public Hold? HoldOf(string app) => Holds.FirstOrDefault(h => h.App == app);

    /// <summary>
    /// Refuses (exit 3) to move a held app to another tag, naming the hold and the Resume command; with
    /// <paramref name="releaseHold"/> returns the holds the deploy releases instead.
    /// </summary>
    /// <param name="moves">App → the tag the deploy would write.</param>
    /// <param name="target">The target that asks, for the message (e.g. SyncApps).</param>
    public IReadOnlyList<Hold> RefuseMoves(IReadOnlyDictionary<string, string> moves, bool releaseHold, string target)
    {
        Hold[] moved = Holds.Where(h => moves.TryGetValue(h.App, out string? tag) && tag != h.Tag).ToArray();
        if (moved.Length == 0 || releaseHold)
        {
            return moved;
        }

        string apps = string.Join(" ", moved.Select(h => $"--app {h.App}"));
        throw SlipwayException.Refused(
            $"{target} would move {string.Join(", ", moved.Select(h => $"{h.App} to {moves[h.App]}"))}, but {Environment} holds "
            + $"{string.Join("; ", moved.Select(h => h.ToString()))} ({GuardPaths.Holds(Environment)} in the GitOps repository). Nothing was written.{System.Environment.NewLine}"
            + $"Resume it first: ./build.sh Resume --env {Environment} {(moved.Length == 1 ? apps + " " : string.Empty)}--reason \"...\"{System.Environment.NewLine}"
            + $"or deploy through the hold (releasing it): add --release-hold");
    }
}
