using System.Text.Json;
using Slipway.IO;

namespace Slipway.Infrastructure;

/// <summary>
/// <c>infra-apply.json</c> next to the saved plan: written (atomically) just before terraform applies the plan and deleted when
/// the apply ends — with success, or with a refusal that changed nothing (a held lock, a stale plan). When it is still there,
/// an apply of that very plan started and did not finish (terraform killed, the machine rebooted, Ctrl+C): part of the plan may
/// be in place, possibly outside the state, so the plan is not applied a second time.
/// </summary>
internal sealed record ApplyAttempt(string PlanSha256, DateTimeOffset StartedAt)
{
    public const string FileName = "infra-apply.json";

    private const string AnyPlan = "*";

    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string PathFor(string planFile) => Path.Combine(Path.GetDirectoryName(planFile)!, FileName);

    /// <summary>Refuses (exit 3) when an apply of the plan with <paramref name="planSha256"/> was started and never finished.</summary>
    public static async Task RefuseIfUnfinishedAsync(string planFile, string planSha256, InfraOptions options, CancellationToken cancellationToken)
    {
        ApplyAttempt? previous = await ReadAsync(PathFor(planFile), cancellationToken).ConfigureAwait(false);
        if (previous is null || (previous.PlanSha256 != AnyPlan && !string.Equals(previous.PlanSha256, planSha256, StringComparison.OrdinalIgnoreCase)))
        {
            return; // no attempt, or one of an older plan
        }

        throw SlipwayException.Refused(
            $"The saved plan {planFile} was already being applied at {previous.StartedAt:yyyy-MM-dd HH:mm:ss}Z and that apply did not finish. " +
            $"Part of it may be in place, so it is not applied a second time. Plan again from the state as it is now and apply that plan:{Environment.NewLine}" +
            $"  ./build.sh ApplyInfra --env {options.Environment}   (plans again, then applies; run ./build.sh PlanInfra --env {options.Environment} first to review)");
    }

    public static Task StartAsync(string planFile, string planSha256, TimeProvider time, CancellationToken cancellationToken)
        => AtomicFile.WriteAllTextAsync(
            PathFor(planFile),
            JsonSerializer.Serialize(new ApplyAttempt(planSha256, time.GetUtcNow()), s_json) + "\n",
            cancellationToken);

    public static void Finish(string planFile) => File.Delete(PathFor(planFile));

    private static async Task<ApplyAttempt?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ApplyAttempt>(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), s_json);
        }
        catch (JsonException)
        {
            // Written atomically, so unreadable means edited by hand: the attempt it recorded cannot be matched, so refuse as unfinished.
            return new ApplyAttempt(AnyPlan, File.GetLastWriteTimeUtc(path));
        }
    }
}
