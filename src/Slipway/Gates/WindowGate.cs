using System.Globalization;
using Slipway.Environments.Settings;

namespace Slipway.Gates;

/// <summary>
/// <c>gates.windows</c> and <c>gates.freezes</c>: a deploy runs only inside a window (in the window's time zone, so across a
/// DST change the window keeps its local hours) and outside every freeze; <c>--outside-window --reason</c> overrides both.
/// A window whose end is not after its start runs past midnight into the next day.
/// </summary>
public static class WindowGate
{
    public static IEnumerable<GateRefusal> Check(GateRequest request, DateTimeOffset now)
    {
        if (request.Mode == GateMode.Rollback || request.Overrides.OutsideWindow)
        {
            yield break;
        }

        foreach (FreezePeriod freeze in request.Gates.Freezes)
        {
            DateTimeOffset local = TimeZoneInfo.ConvertTime(now, Zone(freeze.TimeZone, "gates.freezes"));
            var today = DateOnly.FromDateTime(local.DateTime);
            if (today >= freeze.From && today <= freeze.To)
            {
                yield return new GateRefusal("window", $"{request.Environment} is frozen: {freeze}",
                    $"it is {Format(local)} {freeze.TimeZone}",
                    $"wait until {freeze.To.AddDays(1):yyyy-MM-dd} ({freeze.TimeZone}), or in an emergency add --outside-window --reason \"...\" (recorded in the release log)");
            }
        }

        IReadOnlyList<DeploymentWindow> windows = request.Gates.Windows;
        if (windows.Count == 0 || windows.Any(w => IsOpen(w, now)))
        {
            yield break;
        }

        DeploymentWindow first = windows[0];
        DateTimeOffset firstLocal = TimeZoneInfo.ConvertTime(now, Zone(first.TimeZone, "gates.windows"));
        DateTimeOffset? next = windows.Select(w => NextOpening(w, now)).Where(static t => t is not null).Min();
        yield return new GateRefusal("window", $"{request.Environment} deploys only inside its windows: {string.Join("; ", windows.Select(Describe))}",
            $"it is {firstLocal.DayOfWeek} {Format(firstLocal)} {first.TimeZone}",
            (next is { } opens ? $"wait until {Format(opens.ToUniversalTime())} UTC when a window opens" : "wait for a window")
            + ", or in an emergency add --outside-window --reason \"...\" (recorded in the release log)");
    }

    /// <summary>Whether <paramref name="window"/> is open at <paramref name="now"/>: start included, end excluded.</summary>
    public static bool IsOpen(DeploymentWindow window, DateTimeOffset now)
    {
        DateTimeOffset local = TimeZoneInfo.ConvertTime(now, Zone(window.TimeZone, "gates.windows"));
        var time = TimeOnly.FromDateTime(local.DateTime);
        DayOfWeek today = local.DayOfWeek;
        DayOfWeek yesterday = (DayOfWeek)(((int)today + 6) % 7);
        if (window.End > window.Start)
        {
            return window.Days.Contains(today) && time >= window.Start && time < window.End;
        }

        return (window.Days.Contains(today) && time >= window.Start) || (window.Days.Contains(yesterday) && time < window.End);
    }

    public static string Describe(DeploymentWindow window)
        => $"{string.Join(",", window.Days.Select(static d => d.ToString()[..3].ToLowerInvariant()))} {window.Start:HH\\:mm}-{window.End:HH\\:mm} {window.TimeZone}";

    /// <summary>The time zone <paramref name="id"/> (IANA), or bad input naming the key.</summary>
    public static TimeZoneInfo Zone(string id, string key)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw SlipwayException.Input($"{key}: time zone '{id}' is not known on this machine: use an IANA name such as UTC or Europe/Amsterdam.");
        }
    }

    /// <summary>When <paramref name="window"/> next opens after <paramref name="now"/>, looking a week ahead; null when never.</summary>
    private static DateTimeOffset? NextOpening(DeploymentWindow window, DateTimeOffset now)
    {
        TimeZoneInfo zone = Zone(window.TimeZone, "gates.windows");
        DateTime local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        for (int day = 0; day <= 7; day++)
        {
            DateTime date = local.Date.AddDays(day);
            DateTime opens = date + window.Start.ToTimeSpan();
            if (window.Days.Contains(date.DayOfWeek) && opens > local && !zone.IsInvalidTime(opens))
            {
                return new DateTimeOffset(opens, zone.GetUtcOffset(opens));
            }
        }

        return null;
    }

    private static string Format(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
