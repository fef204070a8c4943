using System.Text.Json.Nodes;

namespace Slipway.LocalCluster.Store.ManagedFields;

/// <summary>
/// One element of <c>metadata.managedFields</c>: a manager, its operation (<c>Apply</c> or <c>Update</c>), the subresource written
/// (<c>status</c> or none), when its fields last changed, and the fields (<see cref="FieldSet"/> paths) it owns.
/// </summary>
internal sealed class ManagedFieldsEntry
{
    public const string ApplyOperation = "Apply";
    public const string UpdateOperation = "Update";

    public required string Manager { get; init; }

    public required string Operation { get; init; }

    public required string ApiVersion { get; init; }

    public string? Subresource { get; init; }

    public required string Time { get; set; }

    public required HashSet<string> Fields { get; init; }

    public bool Is(string manager, string operation, string? subresource)
        => Manager == manager && Operation == operation && Subresource == subresource;

    /// <summary>How a conflict names this manager: <c>"mgr"</c>, or for an Update <c>"mgr" using apps/v1 at &lt;time&gt;</c>.</summary>
    public string ConflictName()
    {
        string name = $"\"{Manager}\"";
        if (Operation == UpdateOperation)
        {
            name += $" using {ApiVersion} at {Time}";
        }

        return Subresource is null ? name : $"{name} with subresource \"{Subresource}\"";
    }

    /// <summary>The entries in <paramref name="obj"/>'s metadata; entries that are not FieldsV1 are dropped.</summary>
    public static List<ManagedFieldsEntry> Read(JsonObject obj)
    {
        var entries = new List<ManagedFieldsEntry>();
        if (obj["metadata"] is not JsonObject metadata || metadata["managedFields"] is not JsonArray list)
        {
            return entries;
        }

        foreach (JsonObject entry in list.OfType<JsonObject>())
        {
            if (Text(entry, "manager") is string manager && Text(entry, "operation") is string operation && entry["fieldsV1"] is JsonObject fields)
            {
                var paths = new HashSet<string>(StringComparer.Ordinal);
                ReadPaths(fields, "", paths);
                entries.Add(new ManagedFieldsEntry
                {
                    Manager = manager,
                    Operation = operation,
                    ApiVersion = Text(entry, "apiVersion") ?? "",
                    Subresource = Text(entry, "subresource"),
                    Time = Text(entry, "time") ?? "",
                    Fields = paths,
                });
            }
        }

        return entries;
    }

    /// <summary>Writes <paramref name="entries"/> with fields into <paramref name="obj"/>'s metadata (removing the list when none).</summary>
    public static void Write(JsonObject obj, IEnumerable<ManagedFieldsEntry> entries)
    {
        JsonObject metadata = Meta.Of(obj);
        var list = new JsonArray();
        foreach (ManagedFieldsEntry entry in entries.Where(e => e.Fields.Count > 0))
        {
            var json = new JsonObject
            {
                ["manager"] = entry.Manager,
                ["operation"] = entry.Operation,
                ["apiVersion"] = entry.ApiVersion,
                ["time"] = entry.Time,
                ["fieldsType"] = "FieldsV1",
                ["fieldsV1"] = FieldsV1(entry.Fields),
            };
            if (entry.Subresource is string subresource)
            {
                json["subresource"] = subresource;
            }

            list.Add(json);
        }

        if (list.Count == 0)
        {
            metadata.Remove("managedFields");
        }
        else
        {
            metadata["managedFields"] = list;
        }
    }

    /// <summary>The trie form of a set: <c>{"f:spec":{"f:replicas":{}}}</c>, with <c>"."</c> marking a member that also has members under it.</summary>
    public static JsonObject FieldsV1(IEnumerable<string> paths)
    {
        var root = new JsonObject();
        foreach (string path in paths.Order(StringComparer.Ordinal))
        {
            JsonObject node = root;
            foreach (string step in path.Split(FieldSet.Separator))
            {
                if (node[step] is not JsonObject child)
                {
                    child = new JsonObject();
                    node[step] = child;
                }

                node = child;
            }

            node["."] = new JsonObject();
        }

        RemoveLeafMarks(root);
        return root;
    }

    /// <summary>A member with nothing under it is written <c>{}</c>, not <c>{".":{}}</c>.</summary>
    private static void RemoveLeafMarks(JsonObject node)
    {
        if (node.Count == 1 && node.ContainsKey("."))
        {
            node.Remove(".");
            return;
        }

        foreach ((string _, JsonNode? child) in node)
        {
            if (child is JsonObject childObject)
            {
                RemoveLeafMarks(childObject);
            }
        }
    }

    private static void ReadPaths(JsonObject node, string prefix, HashSet<string> paths)
    {
        foreach ((string step, JsonNode? child) in node)
        {
            if (step == ".")
            {
                paths.Add(prefix);
                continue;
            }

            string path = prefix.Length == 0 ? step : prefix + FieldSet.Separator + step;
            if (child is JsonObject { Count: > 0 } childObject)
            {
                ReadPaths(childObject, path, paths);
            }
            else
            {
                paths.Add(path);
            }
        }
    }

    private static string? Text(JsonObject obj, string key)
        => obj[key] is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
