using System.Text.Json.Nodes;
using Slipway.LocalCluster.Controllers.Helm;
using Slipway.LocalCluster.Controllers.Runtime;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Controllers.Flux;

/// <summary>
/// Plays Flux's helm-controller for <c>HelmRelease</c> (<c>helm.toolkit.fluxcd.io/v2</c>). It waits for
/// <c>spec.dependsOn</c> (<see cref="Dependencies"/>), resolves the chart version from the source's artifact (a
/// HelmRepository's index: exact or a semver range; see the <c>.Chart</c> part), and "installs" the release as the
/// Deployment <see cref="ChartDeployment"/> builds (named after <c>spec.releaseName</c> or the HelmRelease, in
/// <c>spec.targetNamespace</c> or its own namespace; unlike Flux the release name is not prefixed with the target
/// namespace), with Helm's storage Secrets (<see cref="HelmStorage"/>). A release runs on a spec change, on a change of
/// the resolved chart, on <c>reconcile.fluxcd.io/requestedAt</c> (nothing new is released when chart and values are
/// unchanged) and on <c>forceAt</c> (always); <c>resetAt</c> clears the failure counts. It waits for the rollout up to
/// <c>spec.timeout</c> (default 5m): Ready=True <c>InstallSucceeded</c>/<c>UpgradeSucceeded</c>, or Ready=False
/// <c>InstallFailed</c>/<c>UpgradeFailed</c>; a failed upgrade with <c>spec.upgrade.remediation.retries</c> ≥ 1 and
/// strategy <c>rollback</c> (the default) rolls back to the previous release (Ready=False <c>RollbackSucceeded</c>) once;
/// further upgrade retries and install remediation (uninstall) are not simulated. A new generation (or forceAt) while an
/// action is pending abandons that action and acts on the new one at once. <c>status.history</c> is newest first, trimmed
/// to <c>spec.maxHistory</c> (default 5). <c>spec.suspend</c> stops it; deleting the HelmRelease uninstalls.
/// </summary>
internal sealed partial class HelmReleaseController : ReconcilingController
{
    public const string NameLabel = "helm.toolkit.fluxcd.io/name";
    public const string NamespaceLabel = "helm.toolkit.fluxcd.io/namespace";
    private readonly Dictionary<ObjectKey, DateTimeOffset> _started = [];
    private readonly HelmStorage _storage;

    public HelmReleaseController(ControllerContext context)
        : base(context)
    {
        _storage = new HelmStorage(Store, context.Kinds.Secret);
    }

    protected override ResourceType PrimaryType => Kinds.HelmRelease;

    protected override EventSource? ReadyEventSource => EventSource.HelmController;

    protected override IEnumerable<(ResourceType Type, Func<WatchEvent, IEnumerable<ObjectKey>> Map)> Secondaries
        =>
        [
            (Kinds.Deployment, ReleaseOf),
            (Kinds.Secret, change => ReadersOf(change, "Secret")),
            (KnownResourceTypes.ConfigMap, change => ReadersOf(change, "ConfigMap")),
            (Kinds.HelmRelease, change => Dependencies.DependentsOf(Store, Kinds.HelmRelease, change)),
            (Kinds.HelmRepository, change => UsersOf(change, "HelmRepository")),
            (Kinds.GitRepository, change => UsersOf(change, "GitRepository")),
        ];

    protected override Task<TimeSpan?> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        JsonObject? helmRelease = Store.Get(Kinds.HelmRelease, key.Namespace, key.Name);
        if (helmRelease is null)
        {
            Uninstall(key);
            return Task.FromResult<TimeSpan?>(null);
        }

        if (helmRelease.Bool("spec", "suspend"))
        {
            return Task.FromResult<TimeSpan?>(null);
        }

        JsonObject status = helmRelease.Obj("status")?.DeepClone().AsObject() ?? [];
        JsonObject before = status.DeepClone().AsObject();
        JsonObject? latest = HelmHistory.Entries(status).FirstOrDefault();
        bool attemptChanged = (helmRelease.Long("metadata", "generation") ?? 1) != status.Long("lastAttemptedGeneration") || FluxAnnotations.ForceRequest(helmRelease, status) is not null;
        TimeSpan? again = HelmHistory.IsPending(latest) && !attemptChanged
            ? Monitor(key, helmRelease, status, latest!)
            : Reconcile(key, helmRelease, status, latest);
        UpdateStatusIfChanged(Kinds.HelmRelease, key.Namespace, helmRelease, before, status);
        return Task.FromResult(again);
    }

    /// <summary>
    /// What helm-controller does outside a running action: wait for dependencies, resolve the chart, compose the values,
    /// then install or upgrade when the chart, values or generation changed, or when forced. An action still pending for
    /// an older generation is abandoned first (marked failed, as helm-controller unlocks a release stuck in a pending state),
    /// so a new generation is acted on at once rather than after the old one's timeout.
    /// </summary>
    private TimeSpan? Reconcile(ObjectKey key, JsonObject helmRelease, JsonObject status, JsonObject? latest)
    {
        DateTimeOffset now = Context.Now;
        if (Dependencies.FirstNotReady(Store, Kinds.HelmRelease, helmRelease) is string waiting)
        {
            return NotReady(helmRelease, status, Dependencies.NotReadyReason, waiting, Context.Options.DependencyRequeueInterval);
        }

        ResolvedChart chart = ResolveChart(helmRelease);
        status["helmChart"] = $"{helmRelease.Str("spec", "chart", "spec", "sourceRef", "namespace") ?? key.Namespace}/{key.Namespace}-{key.Name}";
        if (chart.FailureReason is string reason)
        {
            return NotReady(helmRelease, status, reason, chart.FailureMessage!, Interval(helmRelease));
        }

        if (HelmReleaseValues.Compose(Store, helmRelease) is (_, string valuesError))
        {
            return ValuesFailed(helmRelease, status, valuesError);
        }

        if (HelmHistory.IsPending(latest))
        {
            Unlock(key, latest!);
        }

        if (FluxAnnotations.ResetRequest(helmRelease, status) is string reset)
        {
            ClearFailures(status);
            status["lastHandledResetAt"] = reset;
        }

        string? force = FluxAnnotations.ForceRequest(helmRelease, status);
        if (force is not null)
        {
            status["lastHandledForceAt"] = force;
        }

        ChartRelease desired = Desired(helmRelease, chart);
        if (latest is null || force is not null || FluxAnnotations.IsNewGeneration(helmRelease) || FluxAnnotations.IsPending(helmRelease) || IsNewAttempt(desired, status))
        {
            return Start(key, helmRelease, status, desired, force is not null, now);
        }

        return null;
    }

    /// <summary>The release as the HelmRelease asks for it, with its resolved chart and the values composed from <c>spec.valuesFrom</c> and <c>spec.values</c>.</summary>
    private ChartRelease Desired(JsonObject helmRelease, ResolvedChart chart)
    {
        string name = helmRelease.Str("metadata", "name") ?? string.Empty;
        return new ChartRelease(
            helmRelease.Str("spec", "releaseName") ?? name,
            helmRelease.Str("spec", "targetNamespace") ?? helmRelease.Str("metadata", "namespace") ?? "default",
            chart.Chart,
            chart.Version,
            HelmReleaseValues.Compose(Store, helmRelease).Values)
        {
            ChartAppVersion = chart.AppVersion,
        };
    }

    /// <summary>True when chart or values differ from the last attempt (a spec change even when the generation did not move).</summary>
    private static bool IsNewAttempt(ChartRelease desired, JsonObject status)
        => status.Str("lastAttemptedConfigDigest") != desired.ConfigDigest || status.Str("lastAttemptedRevision") != desired.ChartVersion;

    private static TimeSpan Interval(JsonObject helmRelease) => GoDuration.Parse(helmRelease.Str("spec", "interval"), TimeSpan.FromMinutes(10));

    /// <summary>Ready=False before any Helm action (a dependency, the chart): the generation is observed, retried later.</summary>
    private TimeSpan? NotReady(JsonObject helmRelease, JsonObject status, string reason, string message, TimeSpan retry)
    {
        Conditions.Set(status, new Condition("Ready", "False", reason, message), Context.Now);
        status["observedGeneration"] = helmRelease.Long("metadata", "generation") ?? 1;
        FluxAnnotations.MarkHandled(helmRelease, status);
        Conditions.Remove(status, "Reconciling");
        return retry;
    }

    private static void ClearFailures(JsonObject status)
    {
        status.Remove("installFailures");
        status.Remove("upgradeFailures");
        status.Remove("failures");
    }

    private static TimeSpan Timeout(JsonObject helmRelease) => GoDuration.Parse(helmRelease.Str("spec", "timeout"), TimeSpan.FromMinutes(5));

    /// <summary>Ends an attempt: the generation it was for is observed, the reconcile request handled.</summary>
    private static void Settle(JsonObject helmRelease, JsonObject status)
    {
        status["observedGeneration"] = status.Long("lastAttemptedGeneration") ?? helmRelease.Long("metadata", "generation") ?? 1;
        FluxAnnotations.MarkHandled(helmRelease, status);
        Conditions.Remove(status, "Reconciling");
    }

    /// <summary>The HelmReleases whose chart comes from the changed source.</summary>
    private IEnumerable<ObjectKey> UsersOf(WatchEvent change, string kind)
    {
        string ns = change.Object.Str("metadata", "namespace") ?? "default";
        string? name = change.Object.Str("metadata", "name");
        return Store.List(Kinds.HelmRelease, null)
            .Where(r => (r.Str("spec", "chart", "spec", "sourceRef", "kind") ?? "HelmRepository") == kind
                && r.Str("spec", "chart", "spec", "sourceRef", "name") == name
                && (r.Str("spec", "chart", "spec", "sourceRef", "namespace") ?? r.Str("metadata", "namespace") ?? "default") == ns)
            .Select(ObjectKey.Of)
            .ToList();
    }

    private IEnumerable<ObjectKey> ReleaseOf(WatchEvent change)
    {
        if (change.Object.Str("metadata", "labels", NameLabel) is string name && change.Object.Str("metadata", "labels", NamespaceLabel) is string ns)
        {
            yield return new ObjectKey(ns, name);
        }
    }

    /// <summary>
    /// The values could not be composed (a valuesFrom object or key is missing): nothing is released, Ready=False
    /// <c>ValuesError</c> with helm-controller's message, retried (Flux requeues failures; a watched Secret's change also retries).
    /// </summary>
    private TimeSpan? ValuesFailed(JsonObject helmRelease, JsonObject status, string message)
    {
        DateTimeOffset now = Context.Now;
        JsonObject? ready = Conditions.Find(status, "Ready");
        if (ready.Str("reason") != "ValuesError" || ready.Str("message") != message)
        {
            status["failures"] = (status.Long("failures") ?? 0) + 1;
        }

        Conditions.Set(status, new Condition("Ready", "False", "ValuesError", message), now);
        status["observedGeneration"] = helmRelease.Long("metadata", "generation") ?? 1;
        FluxAnnotations.MarkHandled(helmRelease, status);
        Conditions.Remove(status, "Reconciling");
        return TimeSpan.FromSeconds(30);
    }

    /// <summary>
    /// The HelmReleases that read the changed Secret or ConfigMap through spec.valuesFrom, when it is labelled
    /// <c>reconcile.fluxcd.io/watch: Enabled</c> (as helm-controller watches only those; others are read at the next reconcile).
    /// </summary>
    private IEnumerable<ObjectKey> ReadersOf(WatchEvent change, string kind)
    {
        if (change.Object.Str("metadata", "labels", "reconcile.fluxcd.io/watch") != "Enabled")
        {
            yield break;
        }

        string? ns = change.Object.Str("metadata", "namespace");
        string? name = change.Object.Str("metadata", "name");
        foreach (JsonObject helmRelease in Store.List(Kinds.HelmRelease, ns))
        {
            if (name is not null && HelmReleaseValues.References(helmRelease, kind, name))
            {
                yield return ObjectKey.Of(helmRelease);
            }
        }
    }

    private void Uninstall(ObjectKey key)
    {
        _started.Remove(key);
        foreach (JsonObject deployment in Store.List(Kinds.Deployment, null))
        {
            if (deployment.Str("metadata", "labels", NameLabel) == key.Name && deployment.Str("metadata", "labels", NamespaceLabel) == key.Namespace)
            {
                string release = deployment.Str("metadata", "name") ?? string.Empty;
                string ns = deployment.Str("metadata", "namespace") ?? "default";
                foreach (JsonObject secret in _storage.List(release, ns))
                {
                    _storage.Delete(release, ns, secret.Long("metadata", "labels", "version") ?? 0);
                }

                try
                {
                    Store.Delete(Kinds.Deployment, ns, release);
                }
                catch (StoreException missing) when (missing.Code == 404)
                {
                }
            }
        }
    }
}
