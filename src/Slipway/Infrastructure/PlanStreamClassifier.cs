using System.Buffers;

namespace Slipway.Infrastructure;

/// <summary>
/// Classifies the standard output of <c>terraform plan -json</c> as it arrives: the bytes are cut into lines in a
/// small rented buffer (grown only for a line longer than it) and each line is read by <see cref="PlanStreamState"/>,
/// so memory stays flat however many resources the plan has.
/// </summary>
internal static class PlanStreamClassifier
{
    private const int InitialBufferSize = 64 * 1024;

    public static async Task<PlanStream> ClassifyAsync(Stream output, Action<PlanStreamState.StreamLine>? onLine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var state = new PlanStreamState();
        byte[] buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        try
        {
            int length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    byte[] larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                int read = await output.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                bool isFinal = read == 0;
                length += read;
                int consumed = ReadLines(state, buffer.AsSpan(0, length), isFinal, onLine);
                buffer.AsSpan(consumed, length - consumed).CopyTo(buffer);
                length -= consumed;
                if (isFinal)
                {
                    return state.ToStream();
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int ReadLines(PlanStreamState state, ReadOnlySpan<byte> data, bool isFinal, Action<PlanStreamState.StreamLine>? onLine)
    {
        int consumed = 0;
        while (true)
        {
            int end = data[consumed..].IndexOf((byte)'\n');
            if (end < 0)
            {
                if (isFinal && consumed < data.Length)
                {
                    Show(state.Read(data[consumed..]), onLine);
                    consumed = data.Length;
                }

                return consumed;
            }

            Show(state.Read(data.Slice(consumed, end)), onLine);
            consumed += end + 1;
        }
    }

    private static void Show(PlanStreamState.StreamLine line, Action<PlanStreamState.StreamLine>? onLine)
    {
        if (line.Text is not null)
        {
            onLine?.Invoke(line);
        }
    }
}
