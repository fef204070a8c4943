using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Slipway.LocalCluster.Api.Protobuf;

namespace Slipway.LocalCluster.Api;

/// <summary>
/// <c>authorization.k8s.io/v1</c> self reviews, which <c>kubectl auth can-i</c> and dashboards ask before offering an action.
/// The local cluster has no authentication and no authorization: every review is allowed, and the answer's reason says so.
/// Reviews are answered, not stored (as on the real server).
/// </summary>
internal static class AuthorizationApi
{
    public const string Group = "authorization.k8s.io";
    public const string Reason = "the local cluster allows every request: it has no authentication or authorization";

    /// <summary>The review kinds: resource name and kind, served under <see cref="Group"/>/v1 with the verb <c>create</c>.</summary>
    public static IReadOnlyList<(string Resource, string Kind)> Reviews { get; } =
    [
        ("selfsubjectaccessreviews", "SelfSubjectAccessReview"),
        ("selfsubjectrulesreviews", "SelfSubjectRulesReview"),
    ];

    /// <summary>POST of a review: 201 with the review and its status; the spec is echoed as given.</summary>
    public static async Task HandleAsync(HttpContext context, string kind)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            await ApiResponses.WriteStatusAsync(context, ApiResponses.MethodNotAllowed(context.Request.Method));
            return;
        }

        JsonObject review;
        try
        {
            MediaTypes.RequireJsonAccepted(context.Request, context.Request.Headers.Accept.ToString());
            review = await ReviewBodyAsync(context, kind);
        }
        catch (Store.StoreException error)
        {
            await ApiResponses.WriteStatusAsync(context, error);
            return;
        }

        review["apiVersion"] = $"{Group}/v1";
        review["kind"] = kind;
        review["metadata"] ??= new JsonObject();
        review["spec"] ??= new JsonObject();
        review["status"] = kind == "SelfSubjectAccessReview" ? AccessStatus() : RulesStatus();
        await ApiResponses.WriteJsonAsync(context, 201, review);
    }

    private static JsonObject AccessStatus() => new() { ["allowed"] = true, ["reason"] = Reason };

    private static JsonObject RulesStatus() => new()
    {
        ["resourceRules"] = new JsonArray(new JsonObject
        {
            ["verbs"] = new JsonArray("*"),
            ["apiGroups"] = new JsonArray("*"),
            ["resources"] = new JsonArray("*"),
        }),
        ["nonResourceRules"] = new JsonArray(new JsonObject
        {
            ["verbs"] = new JsonArray("*"),
            ["nonResourceURLs"] = new JsonArray("*"),
        }),
        ["incomplete"] = false,
    };

    private static async Task<JsonObject> ReviewBodyAsync(HttpContext context, string kind)
    {
        if (MediaTypes.IsProtobuf(context.Request.ContentType))
        {
            return ProtobufBody.Read(await ReadAllAsync(context), $"{Group}/v1", kind);
        }

        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject
                ?? throw ApiResponses.BadRequest($"the request body must be a {kind}");
        }
        catch (JsonException ex)
        {
            throw ApiResponses.BadRequest($"error decoding the request body: {ex.Message}");
        }
    }

    private static async Task<byte[]> ReadAllAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.ToArray();
    }
}
