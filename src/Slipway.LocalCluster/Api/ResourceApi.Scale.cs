using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Slipway.LocalCluster.Api.Patching;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Api;

internal sealed partial class ResourceApi
{
    /// <summary>
    /// The <c>scale</c> subresource of Deployments (<c>kubectl scale</c>): an <c>autoscaling/v1</c> Scale whose
    /// <c>spec.replicas</c> reads and writes the Deployment's.
    /// </summary>
    private async Task ScaleAsync(HttpContext context, ResourcePath resource, ResourceType type)
    {
        string name = resource.Name ?? throw ApiResponses.MethodNotAllowed(context.Request.Method);
        string method = context.Request.Method;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsPut(method) && !HttpMethods.IsPatch(method))
        {
            throw ApiResponses.MethodNotAllowed(method);
        }

        JsonNode? body = HttpMethods.IsGet(method) ? null : await ReadBodyAsync(context, "autoscaling/v1", "Scale");
        string contentType = (context.Request.ContentType ?? "").Split(';')[0].Trim();
        for (int attempt = 1; ; attempt++)
        {
            JsonObject deployment = _store.Get(type, resource.Namespace, name) ?? throw StoreException.NotFound(type, name);
            JsonObject scale = Scale(deployment);
            if (HttpMethods.IsGet(context.Request.Method))
            {
                await ApiResponses.WriteJsonAsync(context, 200, scale);
                return;
            }

            JsonObject wanted = HttpMethods.IsPut(method)
                ? body as JsonObject ?? throw ApiResponses.BadRequest("the request body must be a JSON object")
                : contentType == "application/json-patch+json" ? JsonPatch.Apply(scale, body) : MergePatch.Apply(scale, body, strategic: true) as JsonObject ?? throw ApiResponses.BadRequest("a merge patch must be a JSON object");

            JsonObject spec = deployment["spec"] as JsonObject ?? new JsonObject();
            spec["replicas"] = wanted["spec"]?["replicas"]?.DeepClone() ?? 1;
            deployment["spec"] = spec.DeepClone();
            if (Meta.GetString(wanted, "resourceVersion") is { Length: > 0 } expected)
            {
                Meta.Of(deployment)["resourceVersion"] = expected;
            }

            try
            {
                await ApiResponses.WriteJsonAsync(context, 200, Scale(WriteTarget(context, type, resource.Namespace, name).Update(type, resource.Namespace, deployment, statusOnly: false)));
                return;
            }
            catch (StoreException error) when (error.Reason == "Conflict" && attempt < PatchAttempts && HttpMethods.IsPatch(method))
            {
                // Another writer got there first: scale the newer object.
            }
        }
    }

    private static JsonObject Scale(JsonObject deployment)
    {
        JsonObject metadata = Meta.Of(deployment);
        var selector = new List<string>();
        if (deployment["spec"]?["selector"]?["matchLabels"] is JsonObject matchLabels)
        {
            foreach ((string key, JsonNode? value) in matchLabels)
            {
                selector.Add($"{key}={value}");
            }
        }

        return new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = new JsonObject
            {
                ["name"] = metadata["name"]?.DeepClone(),
                ["namespace"] = metadata["namespace"]?.DeepClone(),
                ["uid"] = metadata["uid"]?.DeepClone(),
                ["resourceVersion"] = metadata["resourceVersion"]?.DeepClone(),
                ["creationTimestamp"] = metadata["creationTimestamp"]?.DeepClone(),
            },
            ["spec"] = new JsonObject { ["replicas"] = deployment["spec"]?["replicas"]?.DeepClone() ?? 1 },
            ["status"] = new JsonObject
            {
                ["replicas"] = deployment["status"]?["replicas"]?.DeepClone() ?? 0,
                ["selector"] = string.Join(',', selector),
            },
        };
    }
}
