using System.Text.Json;

namespace Slipway.Cluster;

/// <summary>
/// One wait of <see cref="CustomObjectPoller"/>: which object, how to judge its status (done, or where it stands; throw to
/// fail at once), how long and how often, and the failure when the time is up (given the last state seen).
/// </summary>
internal sealed record CustomObjectWait(
    CustomResource Resource,
    string Namespace,
    string Name,
    Func<JsonElement, (bool Done, string State)> Evaluate,
    Func<string, SlipwayException> TimedOut)
{
    public required TimeSpan Timeout { get; init; }

    public required TimeSpan Interval { get; init; }

    public required TimeProvider Time { get; init; }

    /// <summary>Other objects read on every poll that fail the wait at once when they report a failure (a source that cannot fetch).</summary>
    public IReadOnlyList<CustomObjectWatch> Watches { get; init; } = [];
}
