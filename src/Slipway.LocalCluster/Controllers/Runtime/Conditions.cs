using System.Text.Json.Nodes;

namespace Slipway.LocalCluster.Controllers.Runtime;

/// <summary>
/// Reads and sets entries of a <c>status.conditions</c> list (type, status, reason, message, lastTransitionTime),
/// the shape Kubernetes, Flux and Argo CD share. Setting a condition to what it already says changes nothing,
/// so a reconcile that finds nothing new writes nothing new.
/// </summary>
internal static class Conditions
{
    public static JsonObject? Find(JsonObject status, string type)
        => status["conditions"] is JsonArray list
            ? list.OfType<JsonObject>().FirstOrDefault(c => c.Str("type") == type)
            : null;

    public static bool IsTrue(JsonObject? status, string type)
        => status is not null && Find(status, type)?.Str("status") == "True";

    /// <summary>Sets the condition; keeps lastTransitionTime when the status did not change.</summary>
    /// <param name="extra">Further fields (for example <c>lastUpdateTime</c>, <c>observedGeneration</c>).</param>
    public static void Set(JsonObject status, string type, string value, string reason, string message, DateTimeOffset now, JsonObject? extra = null)
    {
        if (status["conditions"] is not JsonArray list)
        {
            list = [];
            status["conditions"] = list;
        }

        JsonObject? existing = list.OfType<JsonObject>().FirstOrDefault(c => c.Str("type") == type);
        string transition = existing is not null && existing.Str("status") == value
            ? existing.Str("lastTransitionTime") ?? Time.Format(now)
            : Time.Format(now);
        var condition = new JsonObject
        {
            ["type"] = type,
            ["status"] = value,
        };
        if (extra is not null)
        {
            foreach ((string key, JsonNode? node) in extra)
            {
                condition[key] = node?.DeepClone();
            }
        }

        condition["lastTransitionTime"] = transition;
        condition["reason"] = reason;
        condition["message"] = message;
        if (existing is null)
        {
            list.Add(condition);
        }
        else if (!JsonNode.DeepEquals(existing, condition))
        {
            list[list.IndexOf(existing)] = condition;
        }
    }

    public static void Remove(JsonObject status, string type)
    {
        if (status["conditions"] is JsonArray list && Find(status, type) is JsonObject existing)
        {
            list.Remove(existing);
        }
    }
}
