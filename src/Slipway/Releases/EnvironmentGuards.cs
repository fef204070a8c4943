using Slipway.GitOps.Git;

namespace Slipway.Releases;

/// <summary>
/// What stands between a deploy and an environment in the GitOps repository: the holds a rollback set and the emergency
/// stops (of the environment, and of every environment). Read from one snapshot of the branch; <see cref="RefuseWhileStopped"/>
/// and <see cref="RefuseMoves"/> are what every deploy asks.
/// </summary>
public sealed class EnvironmentGuards
{
    public EnvironmentGuards(string environment, IReadOnlyList<Hold> holds, IReadOnlyList<Stop>? stops = null)
    {
        Environment = environment;
        Holds = holds;
        Stops = stops ?? [];
    }

    public string Environment { get; }

    public IReadOnlyList<Hold> Holds { get; }

    /// <summary>The stops that stand for the environment: its own first, then the stop of every environment.</summary>
    public IReadOnlyList<Stop> Stops { get; }

    /// <summary>The environment's own stop (<c>stops/&lt;env&gt;.yaml</c>), if one stands.</summary>
    public Stop? OwnStop => Stops.FirstOrDefault(s => !s.IsGlobal);

    /// <summary>The paths <see cref="Read"/> needs in the snapshot.</summary>
    public static IReadOnlyList<string> Paths(string environment)
        => [GuardPaths.Holds(environment), GuardPaths.Stop(environment), GuardPaths.Stop(GuardPaths.AllEnvironments)];

    public static EnvironmentGuards Read(GitOpsSnapshot snapshot, string environment)
    {
        Stop?[] stops = [StopLog.Parse(environment, snapshot.Read(GuardPaths.Stop(environment))), StopLog.Parse(GuardPaths.AllEnvironments, snapshot.Read(GuardPaths.Stop(GuardPaths.AllEnvironments)))];
        return new(environment, HoldLog.Parse(environment, snapshot.Read(GuardPaths.Holds(environment))), stops.OfType<Stop>().ToArray());
    }

    /// <summary>
    /// Refuses (exit 3) while a stop stands, naming it and the Resume command; <paramref name="target"/> names who asks
    /// (SyncApps, DeployPlatform, Rollback) and <paramref name="hint"/> adds a way through, if the target has one.
    /// </summary>
    public void RefuseWhileStopped(string target, string? hint = null)
    {
        if (Stops.Count == 0)
        {
            return;
        }

        Stop stop = Stops[0];
        throw SlipwayException.Refused(
            $"{target} refused: {Environment} is under an emergency stop — {stop} ({stop.File} in the GitOps repository). Nothing was written.{System.Environment.NewLine}"
            + $"Lift it first: {stop.ResumeCommand}{(hint is null ? string.Empty : System.Environment.NewLine + hint)}");
    }

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
