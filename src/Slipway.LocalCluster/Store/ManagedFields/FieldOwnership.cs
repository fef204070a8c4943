using System.Text.Json.Nodes;
using Slipway.LocalCluster.Api.Patching;
using Slipway.LocalCluster.Store.Schema;

namespace Slipway.LocalCluster.Store.ManagedFields;

/// <summary>
/// Field ownership as the real API server keeps it in <c>metadata.managedFields</c>. A create, update or patch gives its manager
/// (operation <c>Update</c>) the fields it changed and takes them from everyone else. A server-side apply gives its manager
/// (operation <c>Apply</c>) exactly the fields applied; a field another manager owns with a different value is a conflict (409)
/// unless forced, which moves it; a field the manager applied before and no longer applies is removed when no one else owns it.
/// </summary>
internal static class FieldOwnership
{
    /// <summary>Records a create or update of <paramref name="updated"/> (from <paramref name="previous"/>, null for a create) by <paramref name="manager"/>.</summary>
    public static void RecordUpdate(JsonObject? previous, JsonObject updated, string manager, bool status, OpenApiSchemaNode schema, string time)
    {
        Dictionary<string, JsonNode?> fields = FieldSet.Of(updated, schema, status);
        Dictionary<string, JsonNode?>? before = previous is null ? null : FieldSet.Of(previous, schema, status);
        List<ManagedFieldsEntry> entries = previous is null ? [] : ManagedFieldsEntry.Read(previous);
        // A status update changes nothing but status, so only status paths are compared; the main resource's paths are
        // needed only so that their owners keep them (comparing them too was most of a status write's cost).
        HashSet<string>? mainPaths = previous is not null && status ? [.. FieldSet.Of(updated, schema, status: false).Keys] : null;

        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach ((string path, JsonNode? value) in fields)
        {
            if (before is null || !before.TryGetValue(path, out JsonNode? old) || !JsonNode.DeepEquals(old, value))
            {
                changed.Add(path);
            }
        }

        string? subresource = status ? "status" : null;
        foreach (ManagedFieldsEntry entry in entries)
        {
            entry.Fields.ExceptWith(changed);
            entry.Fields.RemoveWhere(p => !fields.ContainsKey(p) && (mainPaths is not null ? !mainPaths.Contains(p) : status || !IsOutsideScope(p, status: false)));
        }

        if (changed.Count > 0)
        {
            ManagedFieldsEntry own = Find(entries, manager, ManagedFieldsEntry.UpdateOperation, subresource, updated, time);
            own.Fields.UnionWith(changed);
            own.Time = time;
        }

        ManagedFieldsEntry.Write(updated, entries);
    }

    /// <summary>
    /// Applies <paramref name="applied"/> to <paramref name="current"/> as <paramref name="apply"/>'s manager and returns the result
    /// with its managedFields; <see cref="StoreException"/> 409 Conflict naming the other managers' fields unless forced.
    /// </summary>
    public static JsonObject Apply(JsonObject current, JsonObject applied, FieldApply apply)
    {
        (string manager, bool force, bool status, OpenApiSchemaNode schema, string time) = apply;
        Dictionary<string, JsonNode?> appliedFields = FieldSet.Of(applied, schema, status);
        Dictionary<string, JsonNode?> currentFields = FieldSet.Of(current, schema, status);
        List<ManagedFieldsEntry> entries = ManagedFieldsEntry.Read(current);
        string? subresource = status ? "status" : null;
        ManagedFieldsEntry own = Find(entries, manager, ManagedFieldsEntry.ApplyOperation, subresource, current, time);
        HashSet<string> previouslyApplied = [.. own.Fields];

        var conflicts = new List<(ManagedFieldsEntry Owner, string Path)>();
        foreach (ManagedFieldsEntry other in entries.Where(e => e != own))
        {
            foreach (string path in other.Fields)
            {
                if (appliedFields.TryGetValue(path, out JsonNode? value) && currentFields.TryGetValue(path, out JsonNode? existing) && !JsonNode.DeepEquals(value, existing))
                {
                    conflicts.Add((other, path));
                }
            }
        }

        if (conflicts.Count > 0 && !force)
        {
            throw ApplyConflict(conflicts);
        }

        foreach ((ManagedFieldsEntry owner, string path) in conflicts)
        {
            owner.Fields.Remove(path);
        }

        var result = (JsonObject)MergePatch.Apply(current, WithoutNulls(applied), strategic: true, schema)!;
        foreach (string path in previouslyApplied.Where(p => !appliedFields.ContainsKey(p)).OrderByDescending(p => p.Length))
        {
            if (!FieldSet.IsElementKey(path) && !entries.Any(e => e != own && FieldSet.OwnsWithin(e.Fields, path))
                && !appliedFields.Keys.Any(p => p.StartsWith(path + FieldSet.Separator, StringComparison.Ordinal)))
            {
                FieldSet.Remove(result, path);
            }
        }

        Dictionary<string, JsonNode?> resultFields = FieldSet.Of(result, schema, status);
        own.Fields.Clear();
        own.Fields.UnionWith(appliedFields.Keys);
        if (!own.Fields.SetEquals(previouslyApplied) || conflicts.Count > 0 || !currentFields.Keys.ToHashSet().SetEquals(resultFields.Keys))
        {
            own.Time = time;
        }

        foreach (ManagedFieldsEntry entry in entries.Where(e => e != own))
        {
            entry.Fields.RemoveWhere(p => !resultFields.ContainsKey(p) && !IsOutsideScope(p, status));
        }

        ManagedFieldsEntry.Write(result, entries);
        return result;
    }

    /// <summary>The managedFields of a new object created by an apply: its manager owns everything applied.</summary>
    public static void RecordCreateByApply(JsonObject created, string manager, bool status, OpenApiSchemaNode schema, string time)
    {
        var entry = new ManagedFieldsEntry
        {
            Manager = manager,
            Operation = ManagedFieldsEntry.ApplyOperation,
            ApiVersion = created["apiVersion"]?.GetValue<string>() ?? "",
            Subresource = status ? "status" : null,
            Time = time,
            Fields = [.. FieldSet.Of(created, schema, status).Keys],
        };
        ManagedFieldsEntry.Write(created, [entry]);
    }

    private static bool IsOutsideScope(string path, bool status) => path.StartsWith("f:status", StringComparison.Ordinal) != status;

    private static ManagedFieldsEntry Find(List<ManagedFieldsEntry> entries, string manager, string operation, string? subresource, JsonObject obj, string time)
    {
        ManagedFieldsEntry? entry = entries.Find(e => e.Is(manager, operation, subresource));
        if (entry is null)
        {
            entry = new ManagedFieldsEntry
            {
                Manager = manager,
                Operation = operation,
                ApiVersion = obj["apiVersion"]?.GetValue<string>() ?? "",
                Subresource = subresource,
                Time = time,
                Fields = new HashSet<string>(StringComparer.Ordinal),
            };
            entries.Add(entry);
        }

        return entry;
    }

    private static StoreException ApplyConflict(List<(ManagedFieldsEntry Owner, string Path)> conflicts)
    {
        string detail;
        if (conflicts.Count == 1)
        {
            detail = $"conflict with {conflicts[0].Owner.ConflictName()}: {FieldSet.Display(conflicts[0].Path)}";
        }
        else
        {
            var lines = new List<string>();
            foreach (IGrouping<string, (ManagedFieldsEntry Owner, string Path)> owner in conflicts.GroupBy(c => c.Owner.ConflictName()).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                lines.Add($"conflicts with {owner.Key}:");
                lines.AddRange(owner.Select(c => $"- {FieldSet.Display(c.Path)}"));
            }

            detail = string.Join('\n', lines);
        }

        string plural = conflicts.Count == 1 ? "conflict" : "conflicts";
        return new StoreException(409, "Conflict", $"Apply failed with {conflicts.Count} {plural}: {detail}")
        {
            Causes = [.. conflicts.Select(c => new StoreException.Cause("FieldManagerConflict", $"conflict with {c.Owner.ConflictName()}", FieldSet.Display(c.Path)))],
        };
    }

    private static JsonObject WithoutNulls(JsonObject applied)
    {
        var copy = new JsonObject();
        foreach ((string key, JsonNode? value) in applied)
        {
            if (value is JsonObject child)
            {
                copy[key] = WithoutNulls(child);
            }
            else if (value is not null)
            {
                copy[key] = value.DeepClone();
            }
        }

        return copy;
    }
}
