using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Api;

/// <summary>
/// The server-side printing kubectl asks for (<c>Accept: application/json;as=Table;v=v1;g=meta.k8s.io</c>): a
/// <c>meta.k8s.io/v1</c> Table with the columns <c>kubectl get</c> shows for each kind (pods: READY, STATUS, RESTARTS;
/// deployments: READY, UP-TO-DATE, AVAILABLE; replica sets: DESIRED, CURRENT, READY; endpoints; events: LAST SEEN, TYPE, REASON,
/// OBJECT, MESSAGE; Flux kinds: READY, STATUS; applications: SYNC STATUS, HEALTH STATUS), and the <c>-o wide</c> columns
/// (priority 1) of pods (IP, NODE, NOMINATED NODE, READINESS GATES), deployments and replica sets (CONTAINERS, IMAGES, SELECTOR)
/// and events (SUBOBJECT, SOURCE, FIRST SEEN, COUNT, NAME).
/// </summary>
internal static class TableConverter
{
    public static bool IsRequested(HttpRequest request)
        => request.Headers.Accept.ToString().Contains("as=Table", StringComparison.Ordinal)
            && request.Headers.Accept.ToString().Contains("g=meta.k8s.io", StringComparison.Ordinal);

    public static JsonObject Table(ResourceType type, IEnumerable<JsonObject> objects, long resourceVersion, string? continueToken, DateTimeOffset now)
    {
        var rows = new JsonArray();
        foreach (JsonObject obj in objects)
        {
            rows.Add(Row(type, obj, now));
        }

        var metadata = new JsonObject { ["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture) };
        if (continueToken is not null)
        {
            metadata["continue"] = continueToken;
        }

        var columns = new JsonArray();
        foreach ((string name, string columnType, int priority) in Columns(type))
        {
            columns.Add(new JsonObject
            {
                ["name"] = name,
                ["type"] = columnType,
                ["format"] = name == "Name" ? "name" : "",
                ["description"] = "",
                ["priority"] = priority,
            });
        }

        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = metadata,
            ["columnDefinitions"] = columns,
            ["rows"] = rows,
        };
    }

    /// <summary>The columns of a kind; priority 1 columns are the extra ones <c>kubectl get -o wide</c> shows.</summary>
    private static (string Name, string Type, int Priority)[] Columns(ResourceType type) => type.Kind switch
    {
        "Pod" => [("Name", "string", 0), ("Ready", "string", 0), ("Status", "string", 0), ("Restarts", "string", 0), ("Age", "string", 0),
            ("IP", "string", 1), ("Node", "string", 1), ("Nominated Node", "string", 1), ("Readiness Gates", "string", 1)],
        "Deployment" => [("Name", "string", 0), ("Ready", "string", 0), ("Up-to-date", "integer", 0), ("Available", "integer", 0), ("Age", "string", 0),
            ("Containers", "string", 1), ("Images", "string", 1), ("Selector", "string", 1)],
        "ReplicaSet" => [("Name", "string", 0), ("Desired", "integer", 0), ("Current", "integer", 0), ("Ready", "integer", 0), ("Age", "string", 0),
            ("Containers", "string", 1), ("Images", "string", 1), ("Selector", "string", 1)],
        "Endpoints" => [("Name", "string", 0), ("Endpoints", "string", 0), ("Age", "string", 0)],
        "EndpointSlice" => [("Name", "string", 0), ("AddressType", "string", 0), ("Ports", "string", 0), ("Endpoints", "string", 0), ("Age", "string", 0)],
        "Event" => EventColumns.Definitions,
        "Node" or "Namespace" => [("Name", "string", 0), ("Status", "string", 0), ("Age", "string", 0)],
        "GitRepository" or "Kustomization" or "HelmRelease" => [("Name", "string", 0), ("Age", "string", 0), ("Ready", "string", 0), ("Status", "string", 0)],
        "Application" => [("Name", "string", 0), ("Sync Status", "string", 0), ("Health Status", "string", 0), ("Age", "string", 0)],
        _ => [("Name", "string", 0), ("Age", "string", 0)],
    };

    private static JsonObject Row(ResourceType type, JsonObject obj, DateTimeOffset now)
    {
        string name = Meta.Name(obj) ?? "";
        string age = Age(Meta.GetString(obj, "creationTimestamp"), now);
        JsonNode? status = obj["status"];
        JsonNode?[] cells = type.Kind switch
        {
            "Pod" => [name, PodReady(status), PodStatus(status), Restarts(status), age, .. WorkloadColumns.PodWide(obj)],
            "Deployment" => [name, $"{Number(status?["readyReplicas"])}/{Number(obj["spec"]?["replicas"], 1)}", Number(status?["updatedReplicas"]), Number(status?["availableReplicas"]), age, .. WorkloadColumns.TemplateWide(obj)],
            "ReplicaSet" => [name, Number(obj["spec"]?["replicas"], 1), Number(status?["replicas"]), Number(status?["readyReplicas"]), age, .. WorkloadColumns.TemplateWide(obj)],
            "Endpoints" => [name, WorkloadColumns.Endpoints(obj), age],
            "EndpointSlice" => [name, Text(obj["addressType"]) ?? "", WorkloadColumns.SlicePorts(obj), WorkloadColumns.SliceEndpoints(obj), age],
            "Event" => EventColumns.Cells(obj, now),
            "Node" => [name, Condition(status, "Ready") == "True" ? "Ready" : "NotReady", age],
            "Namespace" => [name, Text(status?["phase"]) ?? "Active", age],
            "GitRepository" or "Kustomization" or "HelmRelease" => [name, age, Condition(status, "Ready") ?? "Unknown", ConditionMessage(status, "Ready")],
            "Application" => [name, Text(status?["sync"]?["status"]) ?? "", Text(status?["health"]?["status"]) ?? "", age],
            _ => [name, age],
        };
        var metadata = (JsonObject)(obj["metadata"]?.DeepClone() ?? new JsonObject());
        return new JsonObject
        {
            ["cells"] = new JsonArray(cells),
            ["object"] = new JsonObject { ["kind"] = "PartialObjectMetadata", ["apiVersion"] = "meta.k8s.io/v1", ["metadata"] = metadata },
        };
    }

    private static string PodReady(JsonNode? status)
    {
        JsonArray containers = status?["containerStatuses"] as JsonArray ?? [];
        int ready = containers.Count(c => c?["ready"] is JsonValue value && value.TryGetValue(out bool isReady) && isReady);
        return $"{ready}/{Math.Max(containers.Count, 1)}";
    }

    private static string PodStatus(JsonNode? status)
    {
        if (status?["containerStatuses"] is JsonArray containers)
        {
            foreach (JsonNode? container in containers)
            {
                if (Text(container?["state"]?["waiting"]?["reason"]) is string reason)
                {
                    return reason;
                }
            }
        }

        return Text(status?["phase"]) ?? "Pending";
    }

    private static string Restarts(JsonNode? status)
        => status?["containerStatuses"] is JsonArray containers ? containers.Sum(c => Number(c?["restartCount"])).ToString(CultureInfo.InvariantCulture) : "0";

    private static string? Condition(JsonNode? status, string conditionType)
        => ConditionNode(status, conditionType) is JsonNode condition ? Text(condition["status"]) : null;

    private static string ConditionMessage(JsonNode? status, string conditionType)
        => Text(ConditionNode(status, conditionType)?["message"]) ?? "";

    private static JsonNode? ConditionNode(JsonNode? status, string conditionType)
        => (status?["conditions"] as JsonArray)?.FirstOrDefault(c => Text(c?["type"]) == conditionType);

    internal static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    internal static long Number(JsonNode? node, long fallback = 0) => node is JsonValue value && value.TryGetValue(out long number) ? number : fallback;

    /// <summary>Age as kubectl prints it: 45s, 12m, 3h, 5d.</summary>
    internal static string Age(string? timestamp, DateTimeOffset now)
    {
        if (!DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset created))
        {
            return "<unknown>";
        }

        TimeSpan age = now - created;
        return age.TotalSeconds < 120 ? $"{Math.Max(0, (int)age.TotalSeconds)}s"
            : age.TotalMinutes < 120 ? $"{(int)age.TotalMinutes}m"
            : age.TotalHours < 48 ? $"{(int)age.TotalHours}h"
            : $"{(int)age.TotalDays}d";
    }
}
