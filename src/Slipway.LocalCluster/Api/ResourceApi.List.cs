using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Api;

internal sealed partial class ResourceApi
{
    /// <summary>
    /// A list answer, written from each object's stored JSON. kubectl asks for <c>as=Table</c>; a plain list is what it
    /// gets, and it prints that too.
    /// </summary>
    private async Task ListAsync(HttpContext context, ResourcePath resource, ResourceType type, ListQuery query)
    {
        StoredObject[] snapshot = _store.ListStored(type, resource.Namespace, out long resourceVersion);
        int start = 0;
        if (query.After is (string afterNamespace, string afterName))
        {
            while (start < snapshot.Length && Compare(snapshot[start], afterNamespace, afterName) <= 0)
            {
                start++;
            }
        }

        bool filter = !query.Labels.IsEverything || !query.Fields.IsEverything;
        var page = new List<StoredObject>(Math.Min(snapshot.Length, query.Limit > 0 ? query.Limit : snapshot.Length));
        string? continueToken = null;
        for (int i = start; i < snapshot.Length; i++)
        {
            StoredObject stored = snapshot[i];
            if (filter && !query.Matches(stored.Object))
            {
                continue;
            }

            if (query.Limit > 0 && page.Count == query.Limit)
            {
                StoredObject last = page[^1];
                continueToken = ListQuery.EncodeContinue(last.Namespace, last.Name);
                break;
            }

            page.Add(stored);
        }

        if (TableConverter.IsRequested(context.Request))
        {
            await ApiResponses.WriteJsonAsync(context, 200, TableConverter.Table(type, page.Select(p => p.Object), resourceVersion, continueToken, DateTimeOffset.UtcNow));
            return;
        }

        // The head goes into the writer's buffer first (nothing is sent before the length is known): with a Content-Length the
        // client reads the list into one buffer of the right size (a chunked answer of 24 MB has it grow and copy as it goes:
        // half of a first list's time was that). Items are the stored JSON, one comma between each, then "]}".
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteString("kind", type.ListKind);
        writer.WriteString("apiVersion", type.ApiVersion);
        writer.WritePropertyName("metadata");
        writer.WriteStartObject();
        writer.WriteString("resourceVersion", resourceVersion.ToString(CultureInfo.InvariantCulture));
        if (continueToken is not null)
        {
            writer.WriteString("continue", continueToken);
        }

        writer.WriteEndObject();
        writer.WriteStartArray("items");
        long length = writer.BytesPending + Math.Max(0, page.Count - 1) + "]}".Length;
        foreach (StoredObject stored in page)
        {
            length += stored.Json.Length;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = length;
        foreach (StoredObject stored in page)
        {
            writer.WriteRawValue(stored.Json, skipInputValidation: true);
            if (writer.BytesPending > FlushBytes)
            {
                await writer.FlushAsync(context.RequestAborted);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }

    private const int FlushBytes = 256 * 1024;

    private static int Compare(StoredObject stored, string @namespace, string name)
    {
        int byNamespace = string.CompareOrdinal(stored.Namespace, @namespace);
        return byNamespace != 0 ? byNamespace : string.CompareOrdinal(stored.Name, name);
    }
}
