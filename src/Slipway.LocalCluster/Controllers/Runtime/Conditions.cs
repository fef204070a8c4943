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
    public static void Set(JsonObject status, Condition condition, DateTimeOffset now)
    {
        (string type, string value) = (condition.Type, condition.Status);
        if (status["conditions"] is not JsonArray list)
        {
            list = [];
            status["conditions"] = list;
        }

        JsonObject? existing = list.OfType<JsonObject>().FirstOrDefault(c => c.Str("type") == type);
        string transition = existing is not null && existing.Str("status") == value
            ? existing.Str("lastTransitionTime") ?? Time.Format(now)
            : Time.Format(now);
        var entry = new JsonObject
        {
            ["type"] = type,
            ["status"] = value,
        };
        if (condition.Extra is not null)
        {
            foreach ((string key, JsonNode? node) in condition.Extra)
            {
                entry[key] = node?.DeepClone();
            }
        }

        entry["lastTransitionTime"] = transition;
        entry["reason"] = condition.Reason;
        entry["message"] = condition.Message;
        if (existing is null)
        {
            list.Add(entry);
        }
        else if (!JsonNode.DeepEquals(existing, entry))
        {
            list[list.IndexOf(existing)] = entry;
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
