using System.Text.Json.Nodes;
using Slipway.LocalCluster.Controllers.Manifests;
using Slipway.LocalCluster.Controllers.Runtime;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Controllers.ArgoCd;

/// <summary>Sync (apply, prune, operationState, history) and comparison (sync and health status) of an Application.</summary>
internal sealed partial class ApplicationController
{
    private void Sync(JsonObject application, JsonObject status, JsonObject operation, DesiredState desired, DateTimeOffset now)
    {
        var results = new JsonArray();
        string? failure = null;
        CreateDestinationNamespace(application);
        foreach (PlannedObject obj in desired.Objects)
        {
            try
            {
                bool created = Store.Get(obj.Type, obj.Namespace, obj.Name) is null;
                bool changed = _applier.Apply(obj);
                results.Add(Result(obj, "Synced", $"{obj.Type.Kind.ToLowerInvariant()}/{obj.Name} {(created ? "created" : changed ? "configured" : "unchanged")}"));
            }
            catch (StoreException refused) when (refused.Code != 409)
            {
                results.Add(Result(obj, "SyncFailed", refused.Message));
                failure ??= $"one or more objects failed to apply, reason: {refused.Message}";
            }
        }

        bool prune = operation.Bool("prune") || application.Bool("spec", "syncPolicy", "automated", "prune");
        if (failure is null)
        {
            foreach (JsonObject orphan in Orphans(application, desired))
            {
                string kind = orphan.Str("kind") ?? string.Empty;
                string name = orphan.Str("metadata", "name") ?? string.Empty;
                ResourceType type = Store.FindTypeByKind(orphan.Str("apiVersion") ?? string.Empty, kind)!;
                if (prune)
                {
                    try
                    {
                        Store.Delete(type, orphan.Str("metadata", "namespace"), name);
                    }
                    catch (StoreException missing) when (missing.Code == 404)
                    {
                    }
                }

                results.Add(new JsonObject
                {
                    ["group"] = type.Group,
                    ["version"] = type.Version,
                    ["kind"] = kind,
                    ["namespace"] = orphan.Str("metadata", "namespace") ?? string.Empty,
                    ["name"] = name,
                    ["status"] = prune ? "Pruned" : "PruneSkipped",
                    ["message"] = prune ? "pruned" : "ignored (requires pruning)",
                });
            }
        }

        string phase = failure is null ? "Succeeded" : "Failed";
        Finish(status, application, operation, desired, new OperationOutcome(phase, failure ?? "successfully synced (all tasks run)", now, Context.Now, results));
        if (failure is null)
        {
            AddHistory(status, application, desired, now);
        }
    }

    /// <summary>
    /// Argo CD's <c>CreateNamespace=true</c> sync option: the destination namespace (only that one) is created when it is
    /// missing, before anything is applied into it, so clients see the namespace its objects live in.
    /// </summary>
    private void CreateDestinationNamespace(JsonObject application)
    {
        string? ns = application.Str("spec", "destination", "namespace");
        bool asked = application.At("spec", "syncPolicy", "syncOptions") is JsonArray options
            && options.Any(static o => o is JsonValue value && value.TryGetValue(out string? text) && text == "CreateNamespace=true");
        if (ns is null || !asked || Store.Get(KnownResourceTypes.Namespace, null, ns) is not null)
        {
            return;
        }

        try
        {
            Store.Create(KnownResourceTypes.Namespace, null, new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Namespace",
                ["metadata"] = new JsonObject { ["name"] = ns },
            });
        }
        catch (StoreException exists) when (exists.Code == 409)
        {
        }
    }

    /// <summary>Writes the finished operation's state and its <c>OperationCompleted</c> Event (Warning when it did not succeed).</summary>
    private void Finish(JsonObject status, JsonObject application, JsonObject operation, DesiredState desired, OperationOutcome outcome)
    {
        string revision = desired.Revision.Length > 0 ? desired.Revision : operation.Str("revision") ?? "HEAD";
        bool succeeded = outcome.Phase == "Succeeded";
        Context.Events.Record(
            application,
            succeeded ? "Normal" : "Warning",
            "OperationCompleted",
            $"Sync operation to {revision} " + (succeeded ? "succeeded" : $"failed: {outcome.Message}"),
            EventSource.ArgoCdApplicationController);
        bool automated = application.Obj("operation") is null;
        status["operationState"] = new JsonObject
        {
            ["operation"] = new JsonObject
            {
                ["sync"] = new JsonObject { ["revision"] = desired.Revision.Length > 0 ? desired.Revision : operation.Str("revision") },
                ["initiatedBy"] = automated ? new JsonObject { ["automated"] = true } : new JsonObject { ["username"] = "slipway" },
            },
            ["phase"] = outcome.Phase,
            ["message"] = outcome.Message,
            ["startedAt"] = Time.Format(outcome.StartedAt),
            ["finishedAt"] = Time.Format(outcome.FinishedAt),
            ["syncResult"] = new JsonObject
            {
                ["revision"] = desired.Revision,
                ["source"] = application.At("spec", "source")?.DeepClone(),
                ["resources"] = outcome.Resources,
            },
        };
    }

    private static void AddHistory(JsonObject status, JsonObject application, DesiredState desired, DateTimeOffset started)
    {
        if (status["history"] is not JsonArray history)
        {
            history = [];
            status["history"] = history;
        }

        long id = history.Select(h => h.Long("id") ?? -1).DefaultIfEmpty(-1).Max() + 1;
        history.Add(new JsonObject
        {
            ["id"] = id,
            ["revision"] = desired.Revision,
            ["deployStartedAt"] = Time.Format(started),
            ["deployedAt"] = status.Str("operationState", "finishedAt"),
            ["source"] = application.At("spec", "source")?.DeepClone(),
            ["initiatedBy"] = status.At("operationState", "operation", "initiatedBy")?.DeepClone(),
        });
        long limit = application.Long("spec", "revisionHistoryLimit") ?? 10;
        while (limit >= 0 && history.Count > Math.Max(1, limit))
        {
            history.RemoveAt(0);
        }
    }

    private void Compare(JsonObject status, JsonObject application, DesiredState desired)
    {
        var resources = new JsonArray();
        var healths = new List<string>();
        bool synced = true;
        foreach (PlannedObject obj in desired.Objects)
        {
            JsonObject? live = Store.Get(obj.Type, obj.Namespace, obj.Name);
            bool inSync = live is not null && Json.IsSubsetOf(obj.Desired, live);
            synced &= inSync;
            string health = ApplicationHealth.Of(obj, live);
            healths.Add(health);
            JsonObject resource = Result(obj, inSync ? "Synced" : "OutOfSync", null);
            resource["health"] = new JsonObject { ["status"] = health };
            resources.Add(resource);
        }

        bool orphans = Orphans(application, desired).Count > 0;
        status["sourceType"] = desired.SourceType;
        status["resources"] = resources;
        status["sync"] = new JsonObject
        {
            ["status"] = synced && !orphans ? "Synced" : "OutOfSync",
            ["revision"] = desired.Revision,
            ["comparedTo"] = new JsonObject
            {
                ["source"] = application.At("spec", "source")?.DeepClone(),
                ["destination"] = application.At("spec", "destination")?.DeepClone(),
            },
        };
        status["health"] = new JsonObject { ["status"] = ApplicationHealth.Worst(healths) };
    }

    /// <summary>
    /// Live objects carrying this application's tracking label that its source no longer has; objects another object
    /// controls (a Deployment's ReplicaSets) are not the application's, as Argo CD skips them.
    /// </summary>
    private List<JsonObject> Orphans(JsonObject application, DesiredState desired)
    {
        string name = application.Str("metadata", "name") ?? string.Empty;
        var wanted = desired.Objects.Select(o => (o.Type, o.Namespace, o.Name)).ToHashSet();
        var orphans = new List<JsonObject>();
        foreach (ResourceType type in Store.Types.Where(t => t.Kind is not "Pod" and not "Event"))
        {
            foreach (JsonObject live in Store.List(type, null))
            {
                if (live.Str("metadata", "labels", ApplicationSource.InstanceLabel) == name
                    && Owners.ControllerOf(live) is null
                    && !(type == Kinds.Application && live.Str("metadata", "name") == name)
                    && !wanted.Contains((type, type.Namespaced ? live.Str("metadata", "namespace") : null, live.Str("metadata", "name") ?? string.Empty)))
                {
                    orphans.Add(live);
                }
            }
        }

        return orphans;
    }

    private static JsonObject Result(PlannedObject obj, string status, string? message)
    {
        var result = new JsonObject
        {
            ["group"] = obj.Type.Group,
            ["version"] = obj.Type.Version,
            ["kind"] = obj.Type.Kind,
            ["namespace"] = obj.Namespace ?? string.Empty,
            ["name"] = obj.Name,
            ["status"] = status,
        };
        if (message is not null)
        {
            result["message"] = message;
        }

        return result;
    }
}
