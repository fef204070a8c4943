using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Slipway.LocalCluster.Images;

namespace Slipway.LocalCluster.Api;

/// <summary>
/// The OCI distribution endpoints over the image catalogue: <c>GET /v2/</c>, <c>GET|HEAD /v2/{name}/manifests/{tag|digest}</c>
/// (with <c>Docker-Content-Digest</c>) and <c>GET /v2/{name}/tags/list</c>. Names are repositories without the registry
/// host (<c>web</c> is <c>registry.local/web</c>). Errors are the registry's JSON errors (MANIFEST_UNKNOWN, NAME_UNKNOWN).
/// </summary>
internal sealed class RegistryApi
{
    private readonly ImageCatalog _catalog;

    public RegistryApi(ImageCatalog catalog)
    {
        _catalog = catalog;
    }

    public async Task HandleAsync(HttpContext context)
    {
        string path = (context.Request.Path.Value ?? "").TrimEnd('/');
        bool head = HttpMethods.IsHead(context.Request.Method);
        if (!head && !HttpMethods.IsGet(context.Request.Method))
        {
            await ErrorAsync(context, 405, "UNSUPPORTED", "the local registry is read-only; publish with ./build.sh PublishImage");
            return;
        }

        if (path == "/v2")
        {
            await WriteAsync(context, 200, "application/json", "{}"u8.ToArray(), head);
            return;
        }

        string rest = path["/v2/".Length..];
        int manifests = rest.LastIndexOf("/manifests/", StringComparison.Ordinal);
        if (manifests > 0)
        {
            string name = rest[..manifests];
            string reference = rest[(manifests + "/manifests/".Length)..];
            bool isDigest = reference.StartsWith("sha256:", StringComparison.Ordinal);
            var imageReference = new ImageReference(ImageReference.NormalizeRepository(name), isDigest ? null : reference, isDigest ? reference : null);
            ImageEntry? entry = _catalog.Find(imageReference);
            if (entry is null)
            {
                await ErrorAsync(context, 404, "MANIFEST_UNKNOWN", $"manifest unknown: {name}:{reference}");
                return;
            }

            byte[] manifest = OciManifest.Build(entry.Repository, entry.Tag);
            context.Response.Headers["Docker-Content-Digest"] = OciManifest.Digest(manifest);
            await WriteAsync(context, 200, OciManifest.MediaType, manifest, head);
            return;
        }

        if (rest.EndsWith("/tags/list", StringComparison.Ordinal))
        {
            string name = rest[..^"/tags/list".Length];
            IReadOnlyList<string> tags = _catalog.Tags(name);
            if (tags.Count == 0)
            {
                await ErrorAsync(context, 404, "NAME_UNKNOWN", $"repository name not known to registry: {name}");
                return;
            }

            var body = new JsonObject { ["name"] = name, ["tags"] = new JsonArray([.. tags.Select(t => (JsonNode)t)]) };
            await WriteAsync(context, 200, "application/json", System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()), head);
            return;
        }

        await ErrorAsync(context, 404, "NAME_UNKNOWN", $"not found: {path}");
    }

    private static Task ErrorAsync(HttpContext context, int status, string code, string message)
    {
        var body = new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["code"] = code, ["message"] = message }) };
        return WriteAsync(context, status, "application/json", System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()), HttpMethods.IsHead(context.Request.Method));
    }

    private static async Task WriteAsync(HttpContext context, int status, string contentType, byte[] body, bool head)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        if (!head)
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }
}
