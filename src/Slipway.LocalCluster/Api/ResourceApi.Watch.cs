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
    /// ADDED for every existing object; with <c>sendInitialEvents=true</c> it always does, and ends them with a bookmark
    /// annotated <c>k8s.io/initial-events-end</c> (when bookmarks are allowed); <c>sendInitialEvents=false</c> without a
    /// resourceVersion starts from now. <c>allowWatchBookmarks</c> adds a BOOKMARK every
    /// <see cref="Hosting.LocalClusterOptions.WatchBookmarkInterval"/>. With a selector, an object that starts matching is
    /// ADDED and one that stops matching is DELETED, as the real watch cache reports them. A too-old version is answered as
    /// the real server answers it: HTTP 200 and one ERROR event carrying a 410 Expired Status. The stream ends at
    /// <c>timeoutSeconds</c>, when the client goes, or when the server stops.
    /// </summary>
    private async Task WatchAsync(HttpContext context, ResourcePath resource, ResourceType type, ListQuery query)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping);
        if (query.Timeout is TimeSpan timeout)
        {
            stop.CancelAfter(timeout);
        }

        long from = query.SendInitialEvents switch
        {
            true => 0,
            false when query.ResourceVersion == 0 => _store.CurrentResourceVersion,
            _ => query.ResourceVersion,
        };
        var progress = new WatchProgress(query.AllowWatchBookmarks ? _bookmarkInterval : null, query.SendInitialEvents == true && query.AllowWatchBookmarks);
        bool table = TableConverter.IsRequested(context.Request);
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.StartAsync(stop.Token);
        await context.Response.Body.FlushAsync(stop.Token);
        try
        {
            await foreach (WatchEvent change in _store.WatchAsync(type, resource.Namespace, from, progress, stop.Token))
            {
                if (Shown(change, query) is string shownType)
                {
                    JsonObject shown = table && change.Type != WatchEventType.Bookmark
                        ? TableConverter.Table(type, [change.Object], change.ResourceVersion, null, DateTimeOffset.UtcNow)
                        : change.Object;
                    await WriteEventAsync(context, shownType, shown, stop.Token);
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

    /// <summary>
    /// How a change reaches a watch with this query: its own type when the object matches before and after; ADDED when a
    /// modification makes it match, DELETED when a modification makes it stop matching; null when the watch never sees it.
    /// Bookmarks always pass.
    /// </summary>
    private static string? Shown(WatchEvent change, ListQuery query)
    {
        if (change.Type == WatchEventType.Bookmark)
        {
            return "BOOKMARK";
        }

        bool matches = query.Matches(change.Object);
        if (change.Type != WatchEventType.Modified || change.Previous is null)
        {
            return matches ? change.Type.ToString().ToUpperInvariant() : null;
        }

        bool matched = query.Matches(change.Previous);
        return (matched, matches) switch
        {
            (true, true) => "MODIFIED",
            (false, true) => "ADDED",
            (true, false) => "DELETED",
            _ => null,
        };
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
