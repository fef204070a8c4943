using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Slipway.LocalCluster.Api.Protobuf;
using Slipway.LocalCluster.Store;
using Slipway.LocalCluster.Yaml;
using YamlDotNet.Core;

namespace Slipway.LocalCluster.Api;

/// <summary>
/// The resource endpoints under <c>/api</c> and <c>/apis</c>: discovery of a group version, then get, list, watch, create,
/// update, patch and delete of objects and their <c>status</c> subresource. Every failure is a <c>Status</c> object.
/// </summary>
internal sealed partial class ResourceApi
{
    private readonly InMemoryResourceStore _store;
    private readonly CancellationToken _stopping;
    private readonly TimeSpan _bookmarkInterval;

    public ResourceApi(InMemoryResourceStore store, TimeSpan bookmarkInterval, CancellationToken stopping)
    {
        _store = store;
        _bookmarkInterval = bookmarkInterval;
        _stopping = stopping;
    }

    public async Task HandleAsync(HttpContext context, bool core)
    {
        string path = context.Request.Path.Value ?? "";
        string[] segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries)[1..];
        ResourcePath? resource = ResourcePath.Parse(_store, core, segments);
        try
        {
            MediaTypes.RequireJsonAccepted(context.Request, context.Request.Headers.Accept.ToString());
            if (resource is null)
            {
                await DiscoverGroupAsync(context, core, segments, path);
                return;
            }

            if (resource.Type is null)
            {
                JsonObject list = Discovery.ResourceList(_store, resource.Group, resource.Version) ?? throw ApiResponses.NotFoundPath(path);
                await ApiResponses.WriteJsonAsync(context, 200, list);
                return;
            }

            await DispatchAsync(context, resource, resource.Type);
        }
        catch (StoreException error)
        {
            if (!context.Response.HasStarted)
            {
                await ApiResponses.WriteStatusAsync(context, error, resource?.Type, resource?.Name);
            }
        }
    }

    private async Task DiscoverGroupAsync(HttpContext context, bool core, string[] segments, string path)
    {
        if (HttpMethods.IsGet(context.Request.Method))
        {
            if (core && segments.Length == 0)
            {
                await ApiResponses.WriteJsonAsync(context, 200, Discovery.ApiVersions($"{context.Request.Host}"));
                return;
            }

            if (!core && segments.Length == 0)
            {
                await ApiResponses.WriteJsonAsync(context, 200, Discovery.GroupList(_store));
                return;
            }

            if (!core && segments.Length == 1 && Discovery.Group(_store, segments[0]) is JsonObject group)
            {
                await ApiResponses.WriteJsonAsync(context, 200, group);
                return;
            }
        }

        throw ApiResponses.NotFoundPath(path);
    }

    private Task DispatchAsync(HttpContext context, ResourcePath resource, ResourceType type)
    {
        string method = context.Request.Method;
        bool status = resource.Subresource == "status";
        if (resource.Subresource == "scale")
        {
            return ScaleAsync(context, resource, type);
        }

        if (resource.Subresource is "log" or "exec" or "attach" or "portforward")
        {
            return PodSubresourceAsync(context, resource, type);
        }

        if (resource.Name is null)
        {
            if (HttpMethods.IsGet(method))
            {
                ListQuery query = ListQuery.From(context.Request);
                return query.Watch ? WatchAsync(context, resource, type, query) : ListAsync(context, resource, type, query);
            }

            if (HttpMethods.IsPost(method) && (resource.Namespace is not null) == type.Namespaced)
            {
                return CreateAsync(context, resource, type);
            }

            if (HttpMethods.IsDelete(method))
            {
                return DeleteCollectionAsync(context, resource, type);
            }
        }
        else if (HttpMethods.IsGet(method))
        {
            return GetAsync(context, resource, type);
        }
        else if (HttpMethods.IsPut(method))
        {
            return UpdateAsync(context, resource, type, status);
        }
        else if (HttpMethods.IsPatch(method))
        {
            return PatchAsync(context, resource, type, status);
        }
        else if (HttpMethods.IsDelete(method) && !status)
        {
            return DeleteAsync(context, resource, type);
        }

        throw ApiResponses.MethodNotAllowed(method);
    }

    private async Task GetAsync(HttpContext context, ResourcePath resource, ResourceType type)
    {
        StoredObject stored = _store.GetStored(type, resource.Namespace, resource.Name!) ?? throw StoreException.NotFound(type, resource.Name!);
        if (TableConverter.IsRequested(context.Request))
        {
            await ApiResponses.WriteJsonAsync(context, 200, TableConverter.Table(type, [stored.Object], stored.ResourceVersion, null, DateTimeOffset.UtcNow));
            return;
        }

        if (QueryOptions.Pretty(context.Request))
        {
            await ApiResponses.WriteJsonAsync(context, 200, stored.Object);
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(stored.Json, context.RequestAborted);
    }

    private async Task CreateAsync(HttpContext context, ResourcePath resource, ResourceType type)
    {
        QueryOptions.FieldManager(context.Request, "CreateOptions");
        JsonObject body = await ReadObjectAsync(context, type);
        CheckNamespace(body, resource);
        RequireNamespaceExists(resource);
        ValidateFields(context, type, body, "Create");
        JsonObject created = WriteTarget(context, type, resource.Namespace, Meta.Name(body)).Create(type, resource.Namespace, body);
        await ApiResponses.WriteJsonAsync(context, 201, created);
    }

    private async Task UpdateAsync(HttpContext context, ResourcePath resource, ResourceType type, bool status)
    {
        QueryOptions.FieldManager(context.Request, "UpdateOptions");
        JsonObject body = await ReadObjectAsync(context, type);
        CheckNamespace(body, resource);
        ValidateFields(context, type, body, "Update");
        string? bodyName = Meta.Name(body);
        if (bodyName != resource.Name)
        {
            throw ApiResponses.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({resource.Name})");
        }

        JsonObject updated = WriteTarget(context, type, resource.Namespace, resource.Name).Update(type, resource.Namespace, body, status);
        await ApiResponses.WriteJsonAsync(context, 200, updated);
    }

    private async Task DeleteAsync(HttpContext context, ResourcePath resource, ResourceType type)
    {
        QueryOptions.CheckDelete(context.Request);
        await CheckDeletePreconditionsAsync(context, resource, type);
        JsonObject deleted = WriteTarget(context, type, resource.Namespace, resource.Name).Delete(type, resource.Namespace, resource.Name!);
        await ApiResponses.WriteJsonAsync(context, 200, deleted);
    }

    private async Task DeleteCollectionAsync(HttpContext context, ResourcePath resource, ResourceType type)
    {
        QueryOptions.CheckDelete(context.Request);
        ListQuery query = ListQuery.From(context.Request);
        var items = new JsonArray();
        foreach (StoredObject stored in _store.ListStored(type, resource.Namespace, out _))
        {
            if (query.Matches(stored.Object))
            {
                try
                {
                    items.Add(WriteTarget(context, type, stored.Namespace, stored.Name).Delete(type, stored.Namespace, stored.Name));
                }
                catch (StoreException error) when (error.Code == 404)
                {
                    // Deleted meanwhile (by another client or as a dependent): nothing left to do.
                }
            }
        }

        var list = new JsonObject
        {
            ["kind"] = type.ListKind,
            ["apiVersion"] = type.ApiVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = _store.CurrentResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ["items"] = items,
        };
        await ApiResponses.WriteJsonAsync(context, 200, list);
    }

    private void RequireNamespaceExists(ResourcePath resource)
    {
        if (resource.Namespace is not null && _store.FindTypeByKind("v1", "Namespace") is ResourceType namespaceType
            && _store.GetStored(namespaceType, null, resource.Namespace) is null)
        {
            throw StoreException.NotFound(namespaceType, resource.Namespace);
        }
    }

    private static void CheckNamespace(JsonObject body, ResourcePath resource)
    {
        string? bodyNamespace = Meta.Namespace(body);
        if (resource.Namespace is not null && !string.IsNullOrEmpty(bodyNamespace) && bodyNamespace != resource.Namespace)
        {
            throw ApiResponses.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
    }

    private static async Task<JsonObject> ReadObjectAsync(HttpContext context, ResourceType type)
    {
        JsonNode? node = await ReadBodyAsync(context, type.ApiVersion, type.Kind);
        return node as JsonObject ?? throw ApiResponses.BadRequest("the request body must be a JSON object");
    }

    /// <summary>
    /// The request body: JSON, YAML, or Kubernetes protobuf for the kinds <see cref="ProtobufKinds"/> reads (the envelope's kind,
    /// else <paramref name="kind"/> of <paramref name="apiVersion"/>, which the URL expects).
    /// </summary>
    private static async Task<JsonNode?> ReadBodyAsync(HttpContext context, string apiVersion, string kind)
    {
        string contentType = context.Request.ContentType ?? "application/json";
        if (MediaTypes.IsProtobuf(contentType))
        {
            using var protobuf = new MemoryStream();
            await context.Request.Body.CopyToAsync(protobuf, context.RequestAborted);
            return ProtobufBody.Read(protobuf.GetBuffer().AsSpan(0, (int)protobuf.Length), apiVersion, kind);
        }

        if (contentType.Contains("yaml", StringComparison.OrdinalIgnoreCase))
        {
            using var reader = new StreamReader(context.Request.Body);
            string yaml = await reader.ReadToEndAsync(context.RequestAborted);
            try
            {
                return YamlJson.ParseAll(yaml).FirstOrDefault().Node;
            }
            catch (YamlException ex)
            {
                throw new StoreException(400, "BadRequest", $"error decoding YAML: {ex.Message}");
            }
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        byte[] json = buffer.ToArray();
        try
        {
            IReadOnlyList<string> duplicates = Store.Schema.UnknownFields.Duplicates(json);
            context.Items[DuplicateFieldsKey] = duplicates;
            return duplicates.Count == 0 ? JsonNode.Parse(json) : ParseKeepingLast(json);
        }
        catch (JsonException ex)
        {
            throw ApiResponses.BadRequest($"error decoding the request body: {ex.Message}");
        }
    }
}
