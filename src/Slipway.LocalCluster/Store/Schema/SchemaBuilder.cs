namespace Slipway.LocalCluster.Store.Schema;

/// <summary>Short constructors for <see cref="SchemaNode"/>, so the built-in kinds read as one description each.</summary>
internal static class SchemaBuilder
{
    public static SchemaNode Object(string description, params (string Name, SchemaNode Schema)[] fields)
        => new() { Description = description, Properties = fields.ToDictionary(f => f.Name, f => f.Schema, StringComparer.Ordinal) };

    /// <summary>An object the local cluster does not describe further: it keeps every field it is given.</summary>
    public static SchemaNode Free(string description) => new() { Description = description, PreserveUnknownFields = true };

    public static SchemaNode String(string description) => new() { Type = "string", Description = description };

    public static SchemaNode Time(string description) => new() { Type = "string", Format = "date-time", Description = description };

    public static SchemaNode Integer(string description) => new() { Type = "integer", Format = "int32", Description = description };

    public static SchemaNode Long(string description) => new() { Type = "integer", Format = "int64", Description = description };

    public static SchemaNode Boolean(string description) => new() { Type = "boolean", Description = description };

    public static SchemaNode IntOrString(string description) => new() { Type = null, IntOrString = true, Description = description };

    public static SchemaNode Map(SchemaNode value, string description) => new() { Description = description, AdditionalProperties = value };

    public static SchemaNode StringMap(string description) => Map(new SchemaNode { Type = "string" }, description);

    /// <summary>A list replaced as a whole by a patch and owned as a whole by one field manager.</summary>
    public static SchemaNode Atomic(SchemaNode item, string description)
        => new() { Type = "array", Description = description, Items = item, ListType = "atomic" };

    public static SchemaNode Strings(string description) => Atomic(new SchemaNode { Type = "string" }, description);

    /// <summary>A list of distinct strings, merged as a set.</summary>
    public static SchemaNode StringSet(string description)
        => new() { Type = "array", Description = description, Items = new SchemaNode { Type = "string" }, ListType = "set", PatchStrategy = "merge" };

    /// <summary>A list whose elements merge by <paramref name="mergeKey"/> (strategic merge) and by <paramref name="listMapKeys"/> (server-side apply).</summary>
    public static SchemaNode Keyed(SchemaNode item, string description, string mergeKey, params string[] listMapKeys)
        => new()
        {
            Type = "array",
            Description = description,
            Items = item,
            PatchMergeKey = mergeKey,
            PatchStrategy = "merge",
            ListType = "map",
            ListMapKeys = listMapKeys.Length == 0 ? [mergeKey] : listMapKeys,
        };

    /// <summary>The same object with more fields.</summary>
    public static SchemaNode With(this SchemaNode node, params (string Name, SchemaNode Schema)[] fields)
    {
        var properties = new Dictionary<string, SchemaNode>(node.Properties ?? new Dictionary<string, SchemaNode>(), StringComparer.Ordinal);
        foreach ((string name, SchemaNode schema) in fields)
        {
            properties[name] = schema;
        }

        return node with { Properties = properties };
    }
}
