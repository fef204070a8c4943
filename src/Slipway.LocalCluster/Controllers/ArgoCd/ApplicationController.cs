using System.Text.Json.Nodes;
using Slipway.LocalCluster.Controllers.Manifests;
using Slipway.LocalCluster.Controllers.Runtime;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Controllers.ArgoCd;

/// <summary>
/// Plays Argo CD's application-controller for <c>Application</c> (<c>argoproj.io/v1alpha1</c>). Each refresh compares the
/// source (<see cref="ApplicationSource"/>) with the live objects and writes <c>status.sync</c> (Synced/OutOfSync and the
/// revision), <c>status.health</c> (<see cref="ApplicationHealth"/>), <c>status.resources</c> and <c>status.reconciledAt</c>.
/// It syncs when a top-level <c>operation.sync</c> is set (then clears it), or by itself with
/// <c>spec.syncPolicy.automated</c> when out of sync on a new revision (or on drift with <c>selfHeal</c>), not retrying a
/// failed revision. A sync applies every object, prunes tracked objects no longer in the source when asked to
/// (<c>prune</c>), and records <c>status.operationState</c> and, when it succeeds, a <c>status.history</c> entry (oldest
/// first, increasing <c>id</c>, trimmed to <c>spec.revisionHistoryLimit</c>, default 10). Refreshes happen on changes to the
/// Application or its Deployments, on the <c>argocd.argoproj.io/refresh</c> annotation (removed when done) and every
/// <see cref="ControllerOptions.ApplicationRefreshPeriod"/>. Deleting an Application that carries the
/// <c>resources-finalizer.argocd.argoproj.io</c> finalizer deletes its tracked objects. Sync retries, hooks, waves and sync windows are not simulated.
/// </summary>
internal sealed partial class ApplicationController : ReconcilingController
{
    public const string RefreshAnnotation = "argocd.argoproj.io/refresh";
    public const string ResourcesFinalizer = "resources-finalizer.argocd.argoproj.io";
    private readonly ManifestApplier _applier;

    public ApplicationController(ControllerContext context)
        : base(context)
    {
        _applier = new ManifestApplier(Store);
    }

    protected override ResourceType PrimaryType => Kinds.Application;

    protected override IEnumerable<(ResourceType Type, Func<WatchEvent, IEnumerable<ObjectKey>> Map)> Secondaries
        => [(Kinds.Deployment, ApplicationsOf)];

    protected override Task<TimeSpan?> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        JsonObject? application = Store.Get(Kinds.Application, key.Namespace, key.Name);
        if (application is null)
        {
            Cascade(TakeTombstone(key));
            return Task.FromResult<TimeSpan?>(null);
        }

        DateTimeOffset now = Context.Now;
        JsonObject status = application.Obj("status")?.DeepClone().AsObject() ?? [];
        JsonObject before = status.DeepClone().AsObject();
        JsonObject? requested = application.Obj("operation")?.DeepClone().AsObject();
        JsonObject? operation = requested.Obj("sync");
        DesiredState desired = ApplicationSource.Resolve(application, operation?.Str("revision"), _applier);
        if (desired.Error is not null)
        {
            SetComparisonError(status, desired.Error, now);
            if (operation is not null)
            {
                Finish(status, application, operation, desired, new OperationOutcome("Error", $"ComparisonError: {desired.Error}", now, now, []));
            }
        }
        else
        {
            Conditions.Remove(status, "ComparisonError");
            if (status["conditions"] is JsonArray { Count: 0 })
            {
                status.Remove("conditions");
            }

            bool synced = desired.Objects.All(_applier.IsInSync);
            if (operation is not null || ShouldAutoSync(application, status, desired, synced))
            {
                Sync(application, status, operation ?? [], desired, now);
            }

            Compare(status, application, desired);
        }

        bool changed = !JsonNode.DeepEquals(before, status);
        DateTimeOffset? reconciled = Time.Parse(status.Str("reconciledAt"));
        if (changed || reconciled is null || now - reconciled >= Context.Options.ApplicationRefreshPeriod)
        {
            status["reconciledAt"] = Time.Format(now);
            application["status"] = status;
            application = Store.Update(Kinds.Application, key.Namespace, application, statusOnly: true);
        }

        if (requested is not null || application.Str("metadata", "annotations", RefreshAnnotation) is not null)
        {
            ClearRequests(key, requested);
        }

        return Task.FromResult<TimeSpan?>(Context.Options.ApplicationRefreshPeriod);
    }

    private static bool ShouldAutoSync(JsonObject application, JsonObject status, DesiredState desired, bool synced)
    {
        if (application.Obj("spec", "syncPolicy", "automated") is not JsonObject automated || automated.At("enabled") is JsonValue { } enabled && enabled.GetValueKind() == System.Text.Json.JsonValueKind.False)
        {
            return false;
        }

        string? lastRevision = status.Str("operationState", "syncResult", "revision") ?? status.Str("operationState", "operation", "sync", "revision");
        if (status.Str("operationState", "phase") is "Failed" or "Error" && lastRevision == desired.Revision)
        {
            return false;
        }

        return !synced && (lastRevision != desired.Revision || automated.Bool("selfHeal"));
    }

    private static void SetComparisonError(JsonObject status, string message, DateTimeOffset now)
    {
        var condition = new JsonObject { ["type"] = "ComparisonError", ["message"] = message, ["lastTransitionTime"] = Time.Format(now) };
        if (status["conditions"] is not JsonArray conditions)
        {
            conditions = [];
            status["conditions"] = conditions;
        }

        JsonObject? existing = conditions.OfType<JsonObject>().FirstOrDefault(c => c.Str("type") == "ComparisonError");
        if (existing?.Str("message") != message)
        {
            if (existing is not null)
            {
                conditions.Remove(existing);
            }

            conditions.Add(condition);
        }

        status["sync"] = new JsonObject { ["status"] = "Unknown" };
    }

    /// <summary>A deleted Application with Argo CD's resources finalizer takes its tracked objects with it (a cascading delete).</summary>
    private void Cascade(JsonObject? deleted)
    {
        if (deleted is null || !(deleted.Arr("metadata", "finalizers") ?? []).Any(f => f.Str() == ResourcesFinalizer))
        {
            return;
        }

        foreach (JsonObject tracked in Orphans(deleted, DesiredState.Failed(string.Empty)))
        {
            try
            {
                Store.Delete(Store.FindTypeByKind(tracked.Str("apiVersion") ?? string.Empty, tracked.Str("kind") ?? string.Empty)!, tracked.Str("metadata", "namespace"), tracked.Str("metadata", "name") ?? string.Empty);
            }
            catch (StoreException missing) when (missing.Code == 404)
            {
            }
        }
    }

    /// <summary>Removes the <c>operation</c> and the refresh annotation now that they are handled.</summary>
    private void ClearRequests(ObjectKey key, JsonObject? handled)
    {
        JsonObject? application = Store.Get(Kinds.Application, key.Namespace, key.Name);
        if (application is null)
        {
            return;
        }

        bool changed = handled is not null && JsonNode.DeepEquals(application["operation"], handled) && application.Remove("operation");
        if (application.Obj("metadata", "annotations") is JsonObject annotations)
        {
            changed |= annotations.Remove(RefreshAnnotation);
        }

        if (changed)
        {
            Store.Update(Kinds.Application, key.Namespace, application, statusOnly: false);
        }
    }

    private IEnumerable<ObjectKey> ApplicationsOf(WatchEvent change)
    {
        if (change.Object.Str("metadata", "labels", ApplicationSource.InstanceLabel) is not string instance)
        {
            return [];
        }

        return Store.List(Kinds.Application, null).Where(a => a.Str("metadata", "name") == instance).Select(ObjectKey.Of).ToList();
    }
}
