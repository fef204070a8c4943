namespace Slipway.Environments.Settings;

/// <summary>A freeze in <c>gates.freezes</c>: from <see cref="From"/> to <see cref="To"/> (both days included, in <see cref="TimeZone"/>) nothing deploys.</summary>
public sealed record FreezePeriod(DateOnly From, DateOnly To, string Reason, string TimeZone)
{
    public override string ToString() => $"freeze {From:yyyy-MM-dd}..{To:yyyy-MM-dd} ({TimeZone}): {Reason}";
}
