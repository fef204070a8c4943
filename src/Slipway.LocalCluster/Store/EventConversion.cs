using System.Text.Json.Nodes;

namespace Slipway.LocalCluster.Store;

/// <summary>
/// Converts Events between <c>core/v1</c> and <c>events.k8s.io/v1</c> as the API server does: <c>involvedObject</c> ↔
/// <c>regarding</c>, <c>message</c> ↔ <c>note</c>, <c>reportingComponent</c> ↔ <c>reportingController</c>, <c>source</c> ↔
/// <c>deprecatedSource</c>, <c>firstTimestamp</c>/<c>lastTimestamp</c>/<c>count</c> ↔ <c>deprecatedFirstTimestamp</c>/
/// <c>deprecatedLastTimestamp</c>/<c>deprecatedCount</c>; <c>metadata</c>, <c>type</c>, <c>reason</c>, <c>action</c>,
/// <c>related</c>, <c>series</c>, <c>eventTime</c> and <c>reportingInstance</c> are the same in both.
/// </summary>
internal static class EventConversion
{
    private static readonly (string Core, string Events)[] s_renamed =
    [
        ("involvedObject", "regarding"), ("message", "note"), ("reportingComponent", "reportingController"), ("source", "deprecatedSource"),
        ("firstTimestamp", "deprecatedFirstTimestamp"), ("lastTimestamp", "deprecatedLastTimestamp"), ("count", "deprecatedCount"),
    ];

    private static readonly string[] s_same = ["metadata", "type", "reason", "action", "related", "series", "eventTime", "reportingInstance"];

    public static JsonObject ToEventsV1(JsonObject core) => Convert(core, "events.k8s.io/v1", fromCore: true);

    public static JsonObject ToCore(JsonObject events) => Convert(events, "v1", fromCore: false);

    private static JsonObject Convert(JsonObject from, string apiVersion, bool fromCore)
    {
        var to = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = "Event" };
        foreach (string field in s_same)
        {
            if (from[field] is JsonNode value)
            {
                to[field] = value.DeepClone();
            }
        }

        foreach ((string core, string events) in s_renamed)
        {
            if (from[fromCore ? core : events] is JsonNode value)
            {
                to[fromCore ? events : core] = value.DeepClone();
            }
        }

        return to;
    }
}
