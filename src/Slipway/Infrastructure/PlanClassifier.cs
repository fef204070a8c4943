using System.Buffers;
using System.Text.Json;

namespace Slipway.Infrastructure;

/// <summary>
/// Classifies the JSON of <c>terraform show -json PLAN</c> while streaming it through a
/// <see cref="Utf8JsonReader"/> over a small rented buffer: memory stays flat however large the plan
/// is, because no value is kept except the addresses of destructive changes and drift.
/// </summary>
public static class PlanClassifier
{
    private const int InitialBufferSize = 64 * 1024;

    public static async Task<PlanClassification> ClassifyAsync(Stream json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        var state = new PlanClassifierState();
        byte[] buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        try
        {
            int length = 0;
            bool isFinal = false;
            while (true)
            {
                if (!isFinal)
                {
                    if (length == buffer.Length)
                    {
                        byte[] larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    int read = await json.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                    isFinal = read == 0;
                    length += read;
                }

                int consumed = state.Feed(buffer.AsSpan(0, length), isFinal);
                buffer.AsSpan(consumed, length - consumed).CopyTo(buffer);
                length -= consumed;
                if (isFinal)
                {
                    return state.ToClassification();
                }
            }
        }
        catch (JsonException ex)
        {
            throw SlipwayException.Failed($"The plan JSON from 'show -json' is not valid at byte {ex.BytePositionInLine}: {ex.Message}", ex);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static async Task<PlanClassification> ClassifyFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return await ClassifyAsync(stream, cancellationToken).ConfigureAwait(false);
    }
}
