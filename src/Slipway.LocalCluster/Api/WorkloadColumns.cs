using System.Text.Json.Nodes;

namespace Slipway.LocalCluster.Api;

/// <summary>Cells of the Table columns for pods, deployments, replica sets and endpoints that need more than one field.</summary>
internal static class WorkloadColumns
{
    private const string None = "<none>";

    /// <summary>IP, NODE, NOMINATED NODE, READINESS GATES (<c>-o wide</c>).</summary>
    public static JsonNode?[] PodWide(JsonObject pod)
    {
        int gates = pod["spec"]?["readinessGates"] is JsonArray readinessGates ? readinessGates.Count : 0;
        int passed = gates == 0 ? 0 : (pod["spec"]!["readinessGates"] as JsonArray)!.Count(g => IsTrue(pod["status"], TableConverter.Text(g?["conditionType"])));
        return
        [
            TableConverter.Text(pod["status"]?["podIP"]) ?? None,
            TableConverter.Text(pod["spec"]?["nodeName"]) ?? None,
            TableConverter.Text(pod["status"]?["nominatedNodeName"]) ?? None,
            gates == 0 ? None : $"{passed}/{gates}",
        ];
    }

    /// <summary>CONTAINERS, IMAGES, SELECTOR of a Deployment or ReplicaSet (<c>-o wide</c>).</summary>
    public static JsonNode?[] TemplateWide(JsonObject workload)
    {
        JsonArray containers = workload["spec"]?["template"]?["spec"]?["containers"] as JsonArray ?? [];
        return
        [
            string.Join(',', containers.Select(c => TableConverter.Text(c?["name"]))),
            string.Join(',', containers.Select(c => TableConverter.Text(c?["image"]))),
            Selector(workload["spec"]?["selector"]),
        ];
    }

    /// <summary>The ENDPOINTS column: <c>ip:port</c> of ready addresses, three at most and then <c>+ N more...</c>.</summary>
    public static string Endpoints(JsonObject endpoints)
    {
        var all = new List<string>();
        foreach (JsonNode? subset in endpoints["subsets"] as JsonArray ?? [])
        {
            JsonArray ports = subset?["ports"] as JsonArray ?? [];
            foreach (JsonNode? address in subset?["addresses"] as JsonArray ?? [])
            {
                string ip = TableConverter.Text(address?["ip"]) ?? "";
                all.AddRange(ports.Count == 0 ? [ip] : ports.Select(p => $"{ip}:{TableConverter.Number(p?["port"])}"));
            }
        }

        return Limited(all);
    }

    /// <summary>The PORTS column of an EndpointSlice.</summary>
    public static string SlicePorts(JsonObject slice)
        => slice["ports"] is JsonArray { Count: > 0 } ports ? string.Join(',', ports.Select(p => TableConverter.Number(p?["port"]))) : "<unset>";

    /// <summary>The ENDPOINTS column of an EndpointSlice.</summary>
    public static string SliceEndpoints(JsonObject slice)
        => Limited([.. (slice["endpoints"] as JsonArray ?? []).SelectMany(e => e?["addresses"] as JsonArray ?? []).Select(a => TableConverter.Text(a) ?? "")]);

    private static string Limited(List<string> values)
        => values.Count == 0 ? "<none>" : string.Join(',', values.Take(3)) + (values.Count > 3 ? $" + {values.Count - 3} more..." : "");

    /// <summary>A label selector as kubectl prints it: <c>a=b,c in (d,e)</c>.</summary>
    private static string Selector(JsonNode? selector)
    {
        var parts = new List<string>();
        if (selector?["matchLabels"] is JsonObject labels)
        {
            parts.AddRange(labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={TableConverter.Text(l.Value)}"));
        }

        foreach (JsonNode? expression in selector?["matchExpressions"] as JsonArray ?? [])
        {
            string key = TableConverter.Text(expression?["key"]) ?? "";
            string values = string.Join(',', (expression?["values"] as JsonArray ?? []).Select(v => TableConverter.Text(v)));
            parts.Add(TableConverter.Text(expression?["operator"]) switch
            {
                "In" => $"{key} in ({values})",
                "NotIn" => $"{key} notin ({values})",
                "DoesNotExist" => $"!{key}",
                _ => key,
            });
        }

        return parts.Count == 0 ? None : string.Join(',', parts);
    }

    private static bool IsTrue(JsonNode? status, string? conditionType)
        => (status?["conditions"] as JsonArray ?? []).Any(c => TableConverter.Text(c?["type"]) == conditionType && TableConverter.Text(c?["status"]) == "True");
}
