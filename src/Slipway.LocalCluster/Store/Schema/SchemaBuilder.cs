namespace Slipway.LocalCluster.Store.Schema;

/// <summary>Short constructors for <see cref="OpenApiSchemaNode"/>, so the built-in kinds read as one description each.</summary>
internal static class SchemaBuilder
{
    public static OpenApiSchemaNode Object(string description, params (string Name, OpenApiSchemaNode Schema)[] fields)
        => new() { Description = description, Properties = fields.ToDictionary(f => f.Name, f => f.Schema, StringComparer.Ordinal) };

    /// <summary><paramref name="node"/> with the fields an object of it must have.</summary>
    public static OpenApiSchemaNode Requiring(this OpenApiSchemaNode node, params string[] fields) => node with { Required = fields };

    /// <summary><paramref name="node"/> keeping fields it does not describe (a custom kind without a structural schema).</summary>
    public static OpenApiSchemaNode KeepingUnknownFields(this OpenApiSchemaNode node) => node with { PreserveUnknownFields = true };

    /// <summary>An object the local cluster does not describe further: it keeps every field it is given.</summary>
    public static OpenApiSchemaNode Free(string description) => new() { Description = description, PreserveUnknownFields = true };

    public static OpenApiSchemaNode String(string description) => new() { Type = "string", Description = description };

    public static OpenApiSchemaNode Time(string description) => new() { Type = "string", Format = "date-time", Description = description };

    public static OpenApiSchemaNode Integer(string description) => new() { Type = "integer", Format = "int32", Description = description };

    public static OpenApiSchemaNode Long(string description) => new() { Type = "integer", Format = "int64", Description = description };

    public static OpenApiSchemaNode Boolean(string description) => new() { Type = "boolean", Description = description };

    public static OpenApiSchemaNode IntOrString(string description) => new() { Type = null, IntOrString = true, Description = description };

    public static OpenApiSchemaNode Map(OpenApiSchemaNode value, string description) => new() { Description = description, AdditionalProperties = value };

    public static OpenApiSchemaNode StringMap(string description) => Map(new OpenApiSchemaNode { Type = "string" }, description);

    /// <summary>A list replaced as a whole by a patch and owned as a whole by one field manager.</summary>
    public static OpenApiSchemaNode Atomic(OpenApiSchemaNode item, string description)
        => new() { Type = "array", Description = description, Items = item, ListType = "atomic" };

    public static OpenApiSchemaNode Strings(string description) => Atomic(new OpenApiSchemaNode { Type = "string" }, description);

    /// <summary>A list of distinct strings, merged as a set.</summary>
    public static OpenApiSchemaNode StringSet(string description)
        => new() { Type = "array", Description = description, Items = new OpenApiSchemaNode { Type = "string" }, ListType = "set", PatchStrategy = "merge" };

    /// <summary>A list whose elements merge by <paramref name="mergeKey"/> (strategic merge) and by <paramref name="listMapKeys"/> (server-side apply).</summary>
    public static OpenApiSchemaNode Keyed(OpenApiSchemaNode item, string description, string mergeKey, params string[] listMapKeys)
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
    public static OpenApiSchemaNode With(this OpenApiSchemaNode node, params (string Name, OpenApiSchemaNode Schema)[] fields)
    {
        var properties = new Dictionary<string, OpenApiSchemaNode>(node.Properties ?? new Dictionary<string, OpenApiSchemaNode>(), StringComparer.Ordinal);
        foreach ((string name, OpenApiSchemaNode schema) in fields)
        {
            properties[name] = schema;
        }

        return node with { Properties = properties };
    }
}
