using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Api;

internal sealed partial class ResourceApi
{
    /// <summary>
    /// <c>pods/log</c> answers the local kubelet's record of the container (<see cref="PodLog"/>) as text, with
    /// <c>container</c>, <c>previous</c>, <c>timestamps</c>, <c>tailLines</c> and <c>limitBytes</c>; <c>follow</c> ends after
    /// those lines. <c>exec</c>, <c>attach</c> and <c>portforward</c> answer 501 with a Status saying that no process runs here
    /// (a 404 would read as "the pod is gone"). A missing pod is 404 for all of them.
    /// </summary>
    private async Task PodSubresourceAsync(HttpContext context, ResourcePath resource, ResourceType type)
    {
        string name = resource.Name ?? throw ApiResponses.MethodNotAllowed(context.Request.Method);
        StoredObject pod = _store.GetStored(type, resource.Namespace, name) ?? throw StoreException.NotFound(type, name);
        HttpRequest request = context.Request;
        string[] containers = [.. ((pod.Object["spec"]?["containers"] as JsonArray) ?? []).OfType<JsonObject>().Select(c => c["name"]?.GetValue<string>() ?? "")];
        string? container = QueryOptions.Text(request, "container");
        if (container is null && containers.Length != 1)
        {
            throw ApiResponses.BadRequest($"a container name must be specified for pod {name}, choose one of: [{string.Join(' ', containers)}]");
        }

        container ??= containers[0];
        if (!containers.Contains(container))
        {
            throw ApiResponses.BadRequest($"container {container} is not valid for pod {name}");
        }

        if (resource.Subresource != "log")
        {
            string what = resource.Subresource switch
            {
                "exec" => $"run a command in container \"{container}\" of",
                "attach" => $"attach to container \"{container}\" of",
                _ => "forward ports to",
            };
            throw new StoreException(501, "NotImplemented", $"the local cluster runs no processes: it cannot {what} pod {resource.Namespace}/{name} (pods/{resource.Subresource} is not available)");
        }

        if (!HttpMethods.IsGet(request.Method))
        {
            throw ApiResponses.MethodNotAllowed(request.Method);
        }

        IReadOnlyList<(string? Time, string Text)> lines = PodLog.Lines(pod.Object, container, QueryOptions.Flag(request, "previous"));
        _ = QueryOptions.Integer(request, "sinceSeconds");
        long? tail = QueryOptions.Integer(request, "tailLines");
        long? limitBytes = QueryOptions.Integer(request, "limitBytes");
        bool timestamps = QueryOptions.Flag(request, "timestamps");
        var text = new StringBuilder();
        foreach ((string? time, string line) in tail is long n and >= 0 ? lines.Skip(Math.Max(0, lines.Count - (int)Math.Min(n, int.MaxValue))) : lines)
        {
            if (timestamps)
            {
                text.Append(time ?? pod.Object["metadata"]?["creationTimestamp"]?.GetValue<string>() ?? "").Append(' ');
            }

            text.Append(line).Append('\n');
        }

        byte[] body = Encoding.UTF8.GetBytes(text.ToString());
        if (limitBytes is long limit and > 0 && limit < body.Length)
        {
            body = body[..(int)limit];
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/plain";
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }
}
