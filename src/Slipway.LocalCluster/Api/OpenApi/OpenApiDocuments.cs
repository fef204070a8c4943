using System.Text.Json.Nodes;
using Slipway.LocalCluster.Store;
using Slipway.LocalCluster.Store.Schema;

namespace Slipway.LocalCluster.Api.OpenApi;

/// <summary>
/// The OpenAPI documents of every described kind, built from <see cref="KindSchemas"/> into byte buffers: <c>/openapi/v2</c> (all
/// kinds), one v3 document per group version (<c>/openapi/v3/api/v1</c>, <c>/openapi/v3/apis/apps/v1</c>) and the v3 index
/// (<c>/openapi/v3</c>) pointing at each with its hash. Built once, when the first of them is asked for, and again (on the next
/// request) whenever the set of kinds changes. Not at start: building them is ~30 ms of work on a cold process, which every
/// <c>./build.sh</c> run that starts a local cluster would pay on its two cores, while only kubectl and dashboards read them.
/// </summary>
internal sealed class OpenApiDocuments
{
    private const string KubernetesVersion = "v1.32.0";
    private readonly KindSchemas _schemas;
    private volatile Lazy<Dictionary<string, OpenApiDocument>> _documents;

    public OpenApiDocuments(KindSchemas schemas)
    {
        _schemas = schemas;
        _documents = NewDocuments();
        schemas.Changed += Rebuild;
    }

    /// <summary>The document served at <paramref name="path"/> (<c>/openapi/v3/apis/apps/v1</c>), or null.</summary>
    public OpenApiDocument? Find(string path) => _documents.Value.GetValueOrDefault(path);

    /// <summary>Drops the documents, to be built again from the current kinds on the next request (a kind was registered or removed).</summary>
    public void Rebuild() => _documents = NewDocuments();

    private Lazy<Dictionary<string, OpenApiDocument>> NewDocuments() => new(() => Build(_schemas), LazyThreadSafetyMode.ExecutionAndPublication);

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
