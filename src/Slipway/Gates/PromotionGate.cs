using System.Globalization;
using Slipway.Releases;

namespace Slipway.Gates;

/// <summary>
/// <c>gates.promoteFrom</c> and <c>gates.cooling</c>: every app tag and chart version a deploy moves must be recorded as
/// verified in the release log of the environment it is promoted from, at least the cooling period ago (counted from its
/// first verification there). A verification recorded in the future (clock skew) refuses with both times.
/// </summary>
public static class PromotionGate
{
    public static IEnumerable<GateRefusal> Check(GateRequest request, DateTimeOffset now)
    {
        string? from = request.Gates.PromoteFrom;
        if (request.Mode == GateMode.Rollback || from is null)
        {
            yield break;
        }

        ReleaseHistory history = request.PromoteFrom ?? new ReleaseHistory(from, []);
        string log = Slipway.GitOps.GitOpsPaths.ReleaseLog(from);
        TimeSpan cooling = request.Gates.Cooling;
        foreach (PromotedVersion move in request.Moves.Where(static m => m.From != m.To))
        {
            ReleaseRecord[] verified = history.Releases.Where(r => r.Verified && VersionIn(r, move) == move.To).ToArray();
            if (verified.Length == 0)
            {
                yield return new GateRefusal("promotion", $"{request.Environment} takes only versions verified in {from} (gates.promoteFrom)",
                    $"{move} is not recorded as verified in {log}{Seen(history, move)}",
                    $"deploy {move.Name} {move.To} to {from} and let Verify pass there (./build.sh Deploy --env {from}), then wait {Describe(cooling)}");
                continue;
            }

            ReleaseRecord first = verified.MinBy(static r => r.Time)!;
            if (first.Time > now)
            {
                yield return new GateRefusal("cooling", $"{move.Kind.ToString().ToLowerInvariant()} {move.Name} {move.To} must have been verified in {from} for {Describe(cooling)} (gates.cooling)",
                    $"{first.Id} records its verification at {Format(first.Time)} UTC, after now ({Format(now)} UTC): the clocks disagree",
                    $"fix the clock of the machine that recorded {first.Id} or of this one; the gate cannot count a cooling period that starts in the future");
            }
            else if (now - first.Time < cooling)
            {
                DateTimeOffset cooled = first.Time + cooling;
                yield return new GateRefusal("cooling", $"{move.Kind.ToString().ToLowerInvariant()} {move.Name} {move.To} must have been verified in {from} for {Describe(cooling)} (gates.cooling)",
                    $"verified in {from} by {first.Id} at {Format(first.Time)} UTC, {Describe(now - first.Time)} ago",
                    $"wait {Describe(cooled - now)} more (until {Format(cooled)} UTC)");
            }
        }
    }

    private static string? VersionIn(ReleaseRecord release, PromotedVersion move)
        => move.Kind == PromotedKind.App ? release.TagOf(move.Name) : release.Charts.GetValueOrDefault(move.Name);

    private static string Seen(ReleaseHistory history, PromotedVersion move)
    {
        string[] versions = history.Releases.Where(static r => r.Verified).Select(r => VersionIn(r, move)).OfType<string>().Distinct(StringComparer.Ordinal).Take(5).ToArray();
        return versions.Length == 0 ? $" (no verified release of {move.Name} there)" : $" (verified there: {string.Join(", ", versions)})";
    }

    private static string Describe(TimeSpan span) => Slipway.Environments.Duration.Format(span < TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Ceiling(span.TotalSeconds)));

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
