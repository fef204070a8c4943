using System.Globalization;
using System.Text.Json.Nodes;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Api;

/// <summary>
/// The Table columns of <c>kubectl get events</c>: LAST SEEN, TYPE, REASON, OBJECT (<c>kind/name</c>), MESSAGE, and with
/// <c>-o wide</c> SUBOBJECT, SOURCE, FIRST SEEN, COUNT, NAME, in the real server's order.
/// </summary>
internal static class EventColumns
{
    public static (string Name, string Type, int Priority)[] Definitions { get; } =
    [
        ("Last Seen", "string", 0), ("Type", "string", 0), ("Reason", "string", 0), ("Object", "string", 0), ("Subobject", "string", 1),
        ("Source", "string", 1), ("Message", "string", 0), ("First Seen", "string", 1), ("Count", "string", 1), ("Name", "string", 1),
    ];

    /// <summary>The cells of a <c>core/v1</c> Event, or of an <c>events.k8s.io/v1</c> one (converted back first).</summary>
    public static JsonNode?[] Cells(JsonObject obj, DateTimeOffset now)
    {
        if (TableConverter.Text(obj["apiVersion"]) == "events.k8s.io/v1")
        {
            obj = EventConversion.ToCore(obj);
        }

        string? last = TableConverter.Text(obj["lastTimestamp"]) ?? TableConverter.Text(obj["eventTime"]) ?? TableConverter.Text(obj["metadata"]?["creationTimestamp"]);
        string? first = TableConverter.Text(obj["firstTimestamp"]) ?? last;
        JsonNode? involved = obj["involvedObject"];
        string source = TableConverter.Text(obj["source"]?["component"]) ?? TableConverter.Text(obj["reportingComponent"]) ?? "";
        if (TableConverter.Text(obj["source"]?["host"]) is { Length: > 0 } host)
        {
            source += ", " + host;
        }

        return
        [
            TableConverter.Age(last, now),
            TableConverter.Text(obj["type"]) ?? "",
            TableConverter.Text(obj["reason"]) ?? "",
            $"{(TableConverter.Text(involved?["kind"]) ?? "").ToLowerInvariant()}/{TableConverter.Text(involved?["name"])}",
            TableConverter.Text(involved?["fieldPath"]) ?? "",
            source,
            TableConverter.Text(obj["message"]) ?? "",
            TableConverter.Age(first, now),
            TableConverter.Number(obj["count"], 1).ToString(CultureInfo.InvariantCulture),
            TableConverter.Text(obj["metadata"]?["name"]) ?? "",
        ];
    }
}
