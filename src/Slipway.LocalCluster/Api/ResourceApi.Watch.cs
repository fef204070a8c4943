using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Api;

internal sealed partial class ResourceApi
{
    private static readonly byte[] s_newLine = "\n"u8.ToArray();

    /// <summary>
    /// A watch: newline-delimited <c>{"type":…,"object":…}</c> events. Without a resourceVersion (or with 0) it starts with
    /// ADDED for every existing object. A too-old version is answered as the real server answers it: HTTP 200 and one ERROR
    /// event carrying a 410 Expired Status. The stream ends at <c>timeoutSeconds</c>, when the client goes, or when the
    /// server stops.
    /// </summary>
    private async Task WatchAsync(HttpContext context, ResourcePath resource, ResourceType type)
    {
        ListQuery query = ListQuery.From(context.Request);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping);
        if (query.Timeout is TimeSpan timeout)
        {
            stop.CancelAfter(timeout);
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.StartAsync(stop.Token);
        await context.Response.Body.FlushAsync(stop.Token);
        try
        {
            await foreach (WatchEvent change in _store.WatchAsync(type, resource.Namespace, query.ResourceVersion, stop.Token))
            {
                if (query.Matches(change.Object))
                {
                    await WriteEventAsync(context, change.Type.ToString().ToUpperInvariant(), change.Object, stop.Token);
                }
            }
        }
        catch (StoreException error)
        {
            await WriteEventAsync(context, "ERROR", ApiResponses.Status(error.Code, error.Reason, error.Message), stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The client went away, the timeout passed, or the server is stopping: the stream ends.
        }
    }

    private static async Task WriteEventAsync(HttpContext context, string type, JsonObject obj, CancellationToken cancellationToken)
    {
        var body = context.Response.BodyWriter;
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writer.WritePropertyName("object");
            obj.WriteTo(writer);
            writer.WriteEndObject();
        }

        body.Write(s_newLine);
        await body.FlushAsync(cancellationToken);
    }
}
