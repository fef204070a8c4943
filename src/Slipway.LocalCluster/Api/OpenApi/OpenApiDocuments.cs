using System.Text.Json.Nodes;
using Slipway.LocalCluster.Store;
using Slipway.LocalCluster.Store.Schema;

namespace Slipway.LocalCluster.Api.OpenApi;

/// <summary>
/// The OpenAPI documents of every described kind, built from <see cref="KindSchemas"/> into byte buffers: <c>/openapi/v2</c> (all
/// kinds), one v3 document per group version (<c>/openapi/v3/api/v1</c>, <c>/openapi/v3/apis/apps/v1</c>) and the v3 index
/// (<c>/openapi/v3</c>) pointing at each with its hash. Built once at start, in the background so that the server listens at once
/// (a request that comes first waits for them), and again whenever the set of kinds changes.
/// </summary>
internal sealed class OpenApiDocuments
{
    private const string KubernetesVersion = "v1.32.0";
    private readonly KindSchemas _schemas;
    private volatile Task<Dictionary<string, OpenApiDocument>> _documents;

    public OpenApiDocuments(KindSchemas schemas)
    {
        _schemas = schemas;
        _documents = Task.Run(() => Build(schemas));
        schemas.Changed += Rebuild;
    }

    /// <summary>The document served at <paramref name="path"/> (<c>/openapi/v3/apis/apps/v1</c>), or null.</summary>
    public async Task<OpenApiDocument?> FindAsync(string path) => (await _documents.ConfigureAwait(false)).GetValueOrDefault(path);

    /// <summary>Builds every document again from the current kinds (called when a kind is registered or removed).</summary>
    public void Rebuild() => _documents = Task.Run(() => Build(_schemas));

    private static Dictionary<string, OpenApiDocument> Build(KindSchemas schemas)
    {
        List<ResourceType> types = [.. schemas.Types.OrderBy(t => t.Group, StringComparer.Ordinal).ThenBy(t => t.Version, StringComparer.Ordinal).ThenBy(t => t.Kind, StringComparer.Ordinal)];
        var documents = new Dictionary<string, OpenApiDocument>(StringComparer.Ordinal)
        {
            ["/openapi/v2"] = new(StoredObject.Serialize(V2(types, schemas))),
        };
        var index = new JsonObject();
        foreach (IGrouping<string, ResourceType> groupVersion in types.GroupBy(t => t.Group.Length == 0 ? "api/v1" : $"apis/{t.Group}/{t.Version}"))
        {
            var document = new OpenApiDocument(StoredObject.Serialize(V3(groupVersion, schemas)));
            documents[$"/openapi/v3/{groupVersion.Key}"] = document;
            index[groupVersion.Key] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{groupVersion.Key}?hash={document.Hash}" };
        }

        documents["/openapi/v3"] = new(StoredObject.Serialize(new JsonObject { ["paths"] = index }));
        return documents;
    }

    private static JsonObject V3(IEnumerable<ResourceType> types, KindSchemas schemas)
    {
        (JsonObject paths, JsonObject definitions) = PathsAndDefinitions(types, schemas, v3: true);
        return new JsonObject { ["openapi"] = "3.0.0", ["info"] = Info(), ["paths"] = paths, ["components"] = new JsonObject { ["schemas"] = definitions } };
    }

    private static JsonObject V2(IEnumerable<ResourceType> types, KindSchemas schemas)
    {
        (JsonObject paths, JsonObject definitions) = PathsAndDefinitions(types, schemas, v3: false);
        return new JsonObject { ["swagger"] = "2.0", ["info"] = Info(), ["paths"] = paths, ["definitions"] = definitions };
    }

    private static (JsonObject Paths, JsonObject Definitions) PathsAndDefinitions(IEnumerable<ResourceType> types, KindSchemas schemas, bool v3)
    {
        var paths = new JsonObject();
        var definitions = new JsonObject();
        var operations = new OpenApiPaths(v3);
        foreach (ResourceType type in types)
        {
            string definition = BuiltInSchemas.DefinitionName(type);
            operations.Add(paths, type, definition);
            definitions[definition] = SchemaJson.Kind(type, schemas.For(type));
        }

        return (paths, definitions);
    }

    private static JsonObject Info() => new() { ["title"] = "Kubernetes", ["version"] = KubernetesVersion };
}
