namespace Slipway.LocalCluster.Store.Schema;

/// <summary>
/// The shape of one field of a kind, as OpenAPI describes it: its type, its fields (an object) or values (a map), its items (a
/// list) and how a list merges (strategic merge key and strategy, server-side apply list type and keys). An object without
/// <see cref="Properties"/> and <see cref="AdditionalProperties"/>, or with <see cref="PreserveUnknownFields"/>, keeps whatever it
/// is given (<c>x-kubernetes-preserve-unknown-fields</c>): the local cluster describes the built-in kinds only as deep as
/// Slipway and kubectl read them.
/// </summary>
public sealed record OpenApiSchemaNode
{
    /// <summary><c>object</c>, <c>array</c>, <c>string</c>, <c>integer</c>, <c>number</c> or <c>boolean</c>; null for int-or-string.</summary>
    public string? Type { get; init; } = "object";

    public string? Format { get; init; }

    public string? Description { get; init; }

    /// <summary>The fields of an object, by JSON name.</summary>
    public IReadOnlyDictionary<string, OpenApiSchemaNode>? Properties { get; init; }

    /// <summary>The value of every key of a map (labels, data).</summary>
    public OpenApiSchemaNode? AdditionalProperties { get; init; }

    /// <summary>The element of a list.</summary>
    public OpenApiSchemaNode? Items { get; init; }

    public bool PreserveUnknownFields { get; init; }

    /// <summary><c>x-kubernetes-int-or-string</c> (ports, maxSurge).</summary>
    public bool IntOrString { get; init; }

    /// <summary>Fields an object must carry.</summary>
    public IReadOnlyList<string>? Required { get; init; }

    /// <summary><c>x-kubernetes-patch-merge-key</c>: the field a strategic merge patch matches list elements on.</summary>
    public string? PatchMergeKey { get; init; }

    /// <summary><c>x-kubernetes-patch-strategy</c> (<c>merge</c>, <c>merge,retainKeys</c>).</summary>
    public string? PatchStrategy { get; init; }

    /// <summary><c>x-kubernetes-list-type</c>: <c>map</c>, <c>set</c> or <c>atomic</c>.</summary>
    public string? ListType { get; init; }

    /// <summary><c>x-kubernetes-list-map-keys</c>: the fields that identify an element of a <c>map</c> list.</summary>
    public IReadOnlyList<string>? ListMapKeys { get; init; }

    /// <summary>The schema of a field of this object: its property, its map value, or null when undescribed.</summary>
    public OpenApiSchemaNode? Field(string name)
        => Properties is not null && Properties.TryGetValue(name, out OpenApiSchemaNode? property) ? property : AdditionalProperties;

    /// <summary>The keys identifying a list element for strategic merge and server-side apply, or empty for an atomic list.</summary>
    public IReadOnlyList<string> ElementKeys
        => ListMapKeys ?? (PatchMergeKey is string key && PatchStrategy?.Contains("merge", StringComparison.Ordinal) == true ? [key] : []);
}
