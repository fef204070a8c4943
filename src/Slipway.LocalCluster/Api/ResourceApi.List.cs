using System.Buffers;
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

        byte[] head = ListHead(type, resourceVersion, continueToken);
        long length = head.Length + s_tail.Length + Math.Max(0, page.Count - 1);
        foreach (StoredObject stored in page)
        {
            length += stored.Json.Length;
        }

        // With the length known the client reads the list into one buffer of the right size (a chunked answer of 24 MB has it
        // grow and copy as it goes: half of a first list's time was that).
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = length;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            var chunk = new ListChunk(context.Response.Body, buffer, context.RequestAborted);
            await chunk.AddAsync(head);
            for (int i = 0; i < page.Count; i++)
            {
                if (i > 0)
                {
                    await chunk.AddAsync(s_comma);
                }

                await chunk.AddAsync(page[i].Json);
            }

            await chunk.AddAsync(s_tail);
            await chunk.FlushAsync();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private const int ChunkBytes = 256 * 1024;
    private static readonly byte[] s_comma = ","u8.ToArray();
    private static readonly byte[] s_tail = "]}"u8.ToArray();

    /// <summary>A list's kind, apiVersion and metadata, and the opening of its items, in the real server's order.</summary>
    private static byte[] ListHead(ResourceType type, long resourceVersion, string? continueToken)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
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
            writer.WritePropertyName("items");
            writer.WriteStartArray();
            writer.Flush();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static int Compare(StoredObject stored, string @namespace, string name)
    {
        int byNamespace = string.CompareOrdinal(stored.Namespace, @namespace);
        return byNamespace != 0 ? byNamespace : string.CompareOrdinal(stored.Name, name);
    }
}
