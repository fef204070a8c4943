using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.Verification;

namespace Slipway.Cluster;

/// <summary>
/// What <c>flux reconcile helmrelease --force [--reset]</c> does, for the HelmReleases a deploy just applied: one whose last
/// Helm action failed (Ready=False: UpgradeFailed, InstallFailed, RollbackSucceeded, …) gets
/// <c>reconcile.fluxcd.io/requestedAt</c> and <c>reconcile.fluxcd.io/forceAt</c> with the same token (a one-off install or
/// upgrade even when nothing changed, as helm-controller requires the tokens to match), and also <c>resetAt</c> when its
/// remediation retries are exhausted (Stalled, or more failures than retries), so the counts start over. A good version
/// deployed right after a failed one then goes live as soon as the cluster can run it, not after the failed one's timeout
/// or the next interval. Ready or suspended releases are left alone.
/// </summary>
public sealed class FluxReleaseRetry
{
    public const string RequestedAt = "reconcile.fluxcd.io/requestedAt";
    public const string ForceAt = "reconcile.fluxcd.io/forceAt";
    public const string ResetAt = "reconcile.fluxcd.io/resetAt";

    private readonly IClusterCustomObjects _objects;
    private readonly TimeProvider _time;

    public FluxReleaseRetry(IClusterCustomObjects objects, TimeProvider time)
    {
        _objects = objects;
        _time = time;
    }

    /// <summary>Forces (and resets where exhausted) each of <paramref name="releases"/> that failed; returns what it did, one line each.</summary>
    public async Task<IReadOnlyList<string>> RetryFailedAsync(IEnumerable<(string Namespace, string Name)> releases, ILog log, CancellationToken cancellationToken)
    {
        string token = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        var done = new List<string>();
        foreach ((string ns, string name) in releases)
        {
            if (await _objects.GetCustomObjectAsync(CustomResource.HelmRelease, ns, name, cancellationToken).ConfigureAwait(false) is not { } release
                || Judge(release) is not var (reset, why))
            {
                continue;
            }

            var annotations = new JsonObject { [RequestedAt] = token, [ForceAt] = token };
            if (reset)
            {
                annotations[ResetAt] = token;
            }

            var patch = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = annotations } };
            await _objects.MergePatchCustomObjectAsync(CustomResource.HelmRelease, ns, name, patch, cancellationToken).ConfigureAwait(false);
            string line = $"HelmRelease {ns}/{name} {why}: asked helm-controller to {(reset ? "reset its failure counts and " : string.Empty)}force a one-off upgrade now (forceAt{(reset ? ", resetAt" : string.Empty)} = requestedAt {token}).";
            log.Info(line);
            done.Add(line);
        }

        return done;
    }

    /// <summary>(whether to reset too, why) when the release's last Helm action failed and it is not suspended; else null.</summary>
    public static (bool Reset, string Why)? Judge(JsonElement release)
    {
        if (JsonStatus.Find(release, "spec", "suspend") is { ValueKind: JsonValueKind.True }
            || JsonStatus.Condition(release, "Ready") is not { Status: "False" } ready
            || !HelmReleaseReasons.IsFailedAction(ready.Reason))
        {
            return null;
        }

        bool stalled = JsonStatus.Condition(release, "Stalled") is { Status: "True" };
        bool exhausted = stalled
            || Count(release, "status", "upgradeFailures") > Count(release, "spec", "upgrade", "remediation", "retries")
            || Count(release, "status", "installFailures") > Count(release, "spec", "install", "remediation", "retries");
        return (exhausted, $"is not Ready ({ready.Reason}{(exhausted ? ", remediation retries exhausted" : string.Empty)})");
    }

    private static long Count(JsonElement obj, params string[] path)
        => JsonStatus.Find(obj, path) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out long count) ? count : 0;
}
