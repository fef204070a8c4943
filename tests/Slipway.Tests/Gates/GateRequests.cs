using Slipway.Environments.Settings;
using Slipway.Gates;
using Slipway.Releases;

namespace Slipway.Tests.Gates;

/// <summary>Gate requests for the unit tests: production's gates (main, 2 approvals, staging, 1h cooling, mon-fri 08:00-17:00 UTC) by default.</summary>
internal static class GateRequests
{
    public static readonly DeploymentWindow Weekdays = new([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], new TimeOnly(8, 0), new TimeOnly(17, 0), "UTC");

    /// <summary>Tuesday 2026-12-01 10:00 UTC: inside the weekday window.</summary>
    public static readonly DateTimeOffset Tuesday10 = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    public static GatesSettings Production(params DeploymentWindow[] windows)
        => new(["main"], 2, TimeSpan.FromHours(1), windows.Length == 0 ? [Weekdays] : windows, "staging");

    public static GatesSettings None => new([], 0, TimeSpan.Zero, [], null);

    public static GateRequest Request(GatesSettings gates, params PromotedVersion[] moves) => new()
    {
        Environment = "production",
        Protected = true,
        Gates = gates,
        Writer = "SyncApps",
        Branch = new BranchEvidence("main", "local HEAD", []),
        Moves = moves,
        PromoteFrom = new ReleaseHistory("staging", []),
        Approvals = Approvals("carol", "alice", "bob"),
    };

    public static PromotedVersion Web(string to, string? from = "1.0.0") => new(PromotedKind.App, "web", from, to);

    public static ApprovalEvidence Approvals(string author, params string[] approvers)
        => new("GitHub", "pull request #7", author, approvers.Select(static a => new Approval(a, "review of #7")).ToArray());

    public static ReleaseHistory Staging(params (string Tag, DateTimeOffset Time, bool Verified)[] releases)
        => new("staging", releases.Select((r, i) => new ReleaseRecord
        {
            Id = $"staging-{i + 1}",
            Time = r.Time,
            Who = "ci",
            SourceCommit = "abc",
            GitOpsCommit = "def",
            RunId = "1",
            Verified = r.Verified,
            Apps = new Dictionary<string, string> { ["web"] = $"registry.local/web:{r.Tag}" },
            Charts = new Dictionary<string, string> { ["ingress-nginx"] = "4.11.3" },
        }).ToArray());
}
