using System.Collections.Concurrent;

namespace Slipway.LocalCluster.Store.Schema;

/// <summary>
/// The schema of every kind a store serves: the built-in description at start, and whatever <see cref="Register"/> adds later
/// (a custom kind created at run time). Readers take a schema per write; <see cref="Changed"/> tells the OpenAPI documents to rebuild.
/// </summary>
public sealed class KindSchemas
{
    private readonly ConcurrentDictionary<ResourceType, OpenApiSchemaNode> _schemas = new();

    public KindSchemas(IEnumerable<ResourceType> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        foreach (ResourceType type in types)
        {
            _schemas[type] = BuiltInSchemas.For(type);
        }
    }

    /// <summary>Raised after <see cref="Register"/> or <see cref="Remove"/>.</summary>
    public event Action? Changed;

    /// <summary>The kinds described, in no particular order.</summary>
    public IReadOnlyList<ResourceType> Types => [.. _schemas.Keys];

    /// <summary>Whether <paramref name="type"/> is described (at start or by <see cref="Register"/>).</summary>
    public bool Describes(ResourceType type) => _schemas.ContainsKey(type);

    /// <summary>The kind's schema, or a schema keeping any <c>spec</c> and <c>status</c> when it was never described.</summary>
    public OpenApiSchemaNode For(ResourceType type) => _schemas.GetOrAdd(type, BuiltInSchemas.For);

    /// <summary>Describes a kind added at run time (or describes it anew); the OpenAPI documents are rebuilt.</summary>
    public void Register(ResourceType type, OpenApiSchemaNode schema)
    {
        _schemas[type] = schema;
        Changed?.Invoke();
    }

    /// <summary>Forgets a kind no longer served; the OpenAPI documents are rebuilt.</summary>
    public void Remove(ResourceType type)
    {
        if (_schemas.TryRemove(type, out _))
        {
            Changed?.Invoke();
        }
    }
}
