using System.Text.Json.Nodes;
using Slipway.LocalCluster.Controllers.Helm;
using Slipway.LocalCluster.Controllers.Runtime;

namespace Slipway.LocalCluster.Controllers.Flux;

/// <summary>The Helm actions: install or upgrade, wait for the rollout, and the rollback remediation.</summary>
internal sealed partial class HelmReleaseController
{
    private TimeSpan? Start(ObjectKey key, JsonObject helmRelease, JsonObject status, ChartRelease desired, bool force, DateTimeOffset now)
    {
        JsonObject? latest = HelmHistory.Entries(status).FirstOrDefault();
        if (IsNewAttempt(desired, status))
        {
            // helm-controller resets the failure counts when the chart or the values change.
            ClearFailures(status);
        }

        status["lastAttemptedGeneration"] = helmRelease.Long("metadata", "generation") ?? 1;
        if (!force && IsInSync(latest, desired))
        {
            MarkInSync(status, latest!, now);
            Settle(helmRelease, status);
            return null;
        }

        bool install = !HelmHistory.Entries(status).Any(e => e.Str("status") is "deployed" or "superseded");
        string action = install ? "install" : "upgrade";
        long version = NextVersion(status, desired);
        ApplyDeployment(key, desired);
        _storage.Save(desired, version, $"pending-{action}");
        string firstDeployed = HelmHistory.Entries(status).LastOrDefault()?.Str("firstDeployed") ?? Time.Format(now);
        JsonArray history = status["history"] as JsonArray ?? [];
        history.Insert(0, HelmHistory.Snapshot(desired, version, $"pending-{action}", install ? Time.Format(now) : firstDeployed, Time.Format(now)));
        status["history"] = history;
        status["lastAttemptedRevision"] = desired.ChartVersion;
        status["lastAttemptedConfigDigest"] = desired.ConfigDigest;
        status["lastAttemptedReleaseAction"] = action;
        string message = install ? "Fresh install in progress" : $"Running 'upgrade' action with timeout of {GoDuration.Format(Timeout(helmRelease))}";

        // The remediation of an older attempt is not the state of this one.
        Conditions.Remove(status, "Remediated");
        Conditions.Set(status, new Condition("Reconciling", "True", "Progressing", message), now);
        Conditions.Set(status, new Condition("Ready", "Unknown", "Progressing", message), now);
        _started[key] = now;
        return Timeout(helmRelease);
    }

    /// <summary>True when the deployed release already is the desired one (chart, version, values, name, namespace) and runs.</summary>
    private bool IsInSync(JsonObject? latest, ChartRelease desired)
        => latest is not null
            && latest.Str("status") == "deployed"
            && latest.Str("configDigest") == desired.ConfigDigest
            && latest.Str("chartName") == desired.Chart
            && latest.Str("chartVersion") == desired.ChartVersion
            && latest.Str("name") == desired.Name
            && latest.Str("namespace") == desired.Namespace
            && Store.Get(Kinds.Deployment, desired.Namespace, desired.Name) is not null;

    /// <summary>
    /// The desired release is the deployed one (e.g. a new generation that asks again for what a rollback restored): the
    /// release is Ready for this generation, and an older failure or remediation no longer describes it.
    /// </summary>
    private static void MarkInSync(JsonObject status, JsonObject deployed, DateTimeOffset now)
    {
        if (Conditions.IsTrue(status, "Ready") && Conditions.Find(status, "Remediated") is null)
        {
            return;
        }

        bool install = HelmHistory.Entries(status).Count() == 1;
        string reason = install ? "InstallSucceeded" : "UpgradeSucceeded";
        string message = $"Helm {(install ? "install" : "upgrade")} succeeded for release {HelmHistory.Describe(deployed)}";
        Conditions.Remove(status, "Remediated");
        Conditions.Set(status, new Condition("Released", "True", reason, message), now);
        Conditions.Set(status, new Condition("Ready", "True", reason, message), now);
        ClearFailures(status);
    }

    /// <summary>Abandons an action still pending for an older attempt: its revision is failed, as Helm's unlock leaves it.</summary>
    private void Unlock(ObjectKey key, JsonObject pending)
    {
        HelmHistory.SetStatus(pending, "failed");
        SaveStatus(pending, "failed");
        _started.Remove(key);
    }

    private TimeSpan? Monitor(ObjectKey key, JsonObject helmRelease, JsonObject status, JsonObject latest)
    {
        string name = latest.Str("name") ?? string.Empty;
        string ns = latest.Str("namespace") ?? "default";
        JsonObject? deployment = Store.Get(Kinds.Deployment, ns, name);
        DateTimeOffset now = Context.Now;
        DateTimeOffset started = _started.TryGetValue(key, out DateTimeOffset begun) ? begun : Time.Parse(latest.Str("lastDeployed")) ?? now;
        _started[key] = started;
        TimeSpan timeout = Timeout(helmRelease);
        if (ChartDeployment.IsRolledOut(deployment))
        {
            Succeed(key, helmRelease, status, latest, now);
            return null;
        }

        string? stalled = ChartDeployment.DeadlineExceeded(deployment);
        if (stalled is not null || now - started >= timeout)
        {
            string reason = stalled is null ? "context deadline exceeded" : $"context deadline exceeded: Deployment {ns}/{name}: {stalled}";
            return Fail(key, helmRelease, status, latest, reason, now);
        }

        return started + timeout - now;
    }

    private void Succeed(ObjectKey key, JsonObject helmRelease, JsonObject status, JsonObject latest, DateTimeOffset now)
    {
        string pending = latest.Str("status") ?? string.Empty;
        JsonObject? restored = HelmHistory.Entries(status).Skip(1).FirstOrDefault(e => e.Str("status") is "deployed" or "superseded");
        foreach (JsonObject entry in HelmHistory.Entries(status).Where(e => e != latest && e.Str("status") == "deployed"))
        {
            HelmHistory.SetStatus(entry, "superseded");
            SaveStatus(entry, "superseded");
        }

        HelmHistory.SetStatus(latest, "deployed");
        SaveStatus(latest, "deployed");
        _started.Remove(key);
        string release = HelmHistory.Describe(latest);
        if (pending == "pending-rollback")
        {
            string message = $"Helm rollback to previous release {HelmHistory.Describe(restored ?? latest)} succeeded";
            Conditions.Set(status, new Condition("Remediated", "True", "RollbackSucceeded", message), now);
            Conditions.Set(status, new Condition("Ready", "False", "RollbackSucceeded", message), now);
        }
        else
        {
            bool install = pending == "pending-install";
            string reason = install ? "InstallSucceeded" : "UpgradeSucceeded";
            string message = $"Helm {(install ? "install" : "upgrade")} succeeded for release {release}";
            Conditions.Remove(status, "Remediated");
            Conditions.Set(status, new Condition("Released", "True", reason, message), now);
            Conditions.Set(status, new Condition("Ready", "True", reason, message), now);
            ClearFailures(status);
        }

        TrimHistory(helmRelease, status);
        Settle(helmRelease, status);
    }

    private TimeSpan? Fail(ObjectKey key, JsonObject helmRelease, JsonObject status, JsonObject latest, string reason, DateTimeOffset now)
    {
        string pending = latest.Str("status") ?? string.Empty;
        HelmHistory.SetStatus(latest, "failed");
        SaveStatus(latest, "failed");
        _started.Remove(key);
        string chart = $"{latest.Str("chartName")}@{latest.Str("chartVersion")}";
        string release = $"{latest.Str("namespace")}/{latest.Str("name")}";
        status["failures"] = (status.Long("failures") ?? 0) + 1;
        if (pending == "pending-rollback")
        {
            string message = $"Helm rollback to previous release {release} with chart {chart} failed: {reason}";
            Conditions.Set(status, new Condition("Remediated", "False", "RollbackFailed", message), now);
            Conditions.Set(status, new Condition("Ready", "False", "RollbackFailed", message), now);
            TrimHistory(helmRelease, status);
            Settle(helmRelease, status);
            return null;
        }

        bool install = pending == "pending-install";
        string failedReason = install ? "InstallFailed" : "UpgradeFailed";
        string failed = $"Helm {(install ? "install" : "upgrade")} failed for release {release} with chart {chart}: {reason}";
        status[install ? "installFailures" : "upgradeFailures"] = (status.Long(install ? "installFailures" : "upgradeFailures") ?? 0) + 1;
        Conditions.Set(status, new Condition("Released", "False", failedReason, failed), now);
        Conditions.Set(status, new Condition("Ready", "False", failedReason, failed), now);
        JsonObject? previous = HelmHistory.Entries(status).Skip(1).FirstOrDefault(e => e.Str("status") is "deployed" or "superseded");
        bool rollback = !install
            && (helmRelease.Str("spec", "upgrade", "remediation", "strategy") ?? "rollback") == "rollback"
            && (helmRelease.Long("spec", "upgrade", "remediation", "retries") ?? 0) >= 1
            && previous is not null;
        ChartRelease? target = rollback ? _storage.Load(previous!.Str("name") ?? string.Empty, previous.Str("namespace") ?? "default", previous.Long("version") ?? 0) : null;
        if (target is null)
        {
            TrimHistory(helmRelease, status);
            Settle(helmRelease, status);
            return null;
        }

        long version = NextVersion(status, target);
        ApplyDeployment(key, target);
        _storage.Save(target, version, "pending-rollback");
        string firstDeployed = HelmHistory.Entries(status).LastOrDefault()?.Str("firstDeployed") ?? Time.Format(now);
        ((JsonArray)status["history"]!).Insert(0, HelmHistory.Snapshot(target, version, "pending-rollback", firstDeployed, Time.Format(now)));
        _started[key] = now;
        return Timeout(helmRelease);
    }

    private void ApplyDeployment(ObjectKey key, ChartRelease release)
    {
        var labels = new Dictionary<string, string> { [NameLabel] = key.Name, [NamespaceLabel] = key.Namespace ?? "default" };
        JsonObject desired = ChartDeployment.Build(release, labels);
        JsonObject? live = Store.Get(Kinds.Deployment, release.Namespace, release.Name);
        if (live is null)
        {
            Store.Create(Kinds.Deployment, release.Namespace, desired);
            return;
        }

        JsonObject metadata = live.Ensure("metadata");
        Json.MergeInto(metadata, desired.Obj("metadata")!);
        live["spec"] = desired["spec"]!.DeepClone();
        Store.Update(Kinds.Deployment, release.Namespace, live, statusOnly: false);
    }

    private long NextVersion(JsonObject status, ChartRelease release)
    {
        long fromHistory = HelmHistory.Entries(status).Select(e => e.Long("version") ?? 0).DefaultIfEmpty(0).Max();
        long fromStorage = _storage.List(release.Name, release.Namespace).Select(s => s.Long("metadata", "labels", "version") ?? 0).DefaultIfEmpty(0).Max();
        return Math.Max(fromHistory, fromStorage) + 1;
    }

    private void SaveStatus(JsonObject snapshot, string value)
    {
        string name = snapshot.Str("name") ?? string.Empty;
        string ns = snapshot.Str("namespace") ?? "default";
        long version = snapshot.Long("version") ?? 0;
        if (_storage.Load(name, ns, version) is ChartRelease stored)
        {
            _storage.Save(stored, version, value);
        }
    }

    private void TrimHistory(JsonObject helmRelease, JsonObject status)
    {
        JsonObject? newest = HelmHistory.Entries(status).FirstOrDefault();
        foreach (long version in HelmHistory.Trim(status, (int)(helmRelease.Long("spec", "maxHistory") ?? 5)))
        {
            _storage.Delete(newest.Str("name") ?? string.Empty, newest.Str("namespace") ?? "default", version);
        }
    }
}
