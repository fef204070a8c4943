using Microsoft.AspNetCore.Http;

namespace Slipway.LocalCluster.Api.OpenApi;

/// <summary>
/// Serves <see cref="OpenApiDocuments"/> from their buffers with an ETag (<c>If-None-Match</c> gets 304). A v3 group version asked
/// with its current <c>?hash=</c> may be cached for good; with an old hash it is redirected to the current one, as kube-openapi does.
/// <c>/openapi/v2</c> is JSON only: a client accepting nothing but the protobuf form gets 406.
/// </summary>
internal sealed class OpenApiEndpoint(OpenApiDocuments documents)
{
    private const string ProtobufV2 = "application/com.github.proto-openapi.spec.v2@v1.0+protobuf";

    public async Task HandleAsync(HttpContext context)
    {
        string path = context.Request.Path.Value?.TrimEnd('/') ?? "";
        OpenApiDocument document = documents.Find(path) ?? throw ApiResponses.NotFoundPath(path);
        if (path == "/openapi/v2")
        {
            MediaTypes.RequireJsonAccepted(context.Request, ProtobufV2);
        }

        string? hash = context.Request.Query["hash"];
        if (hash is not null && hash != document.Hash)
        {
            context.Response.StatusCode = 301;
            context.Response.Headers.Location = $"{path}?hash={document.Hash}";
            return;
        }

        context.Response.Headers.ETag = document.ETag;
        context.Response.Headers.CacheControl = hash is null ? "no-cache, private" : "public, immutable";
        if (context.Request.Headers.IfNoneMatch.ToString() == document.ETag)
        {
            context.Response.StatusCode = 304;
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = document.Json.Length;
        await context.Response.Body.WriteAsync(document.Json, context.RequestAborted);
    }
}
