namespace Slipway.LocalCluster.Api;

/// <summary>
/// Gathers a list answer's pieces (each object's stored JSON) into one buffer and writes it to the response when full: a few
/// hundred writes for 10,000 objects instead of one per object.
/// </summary>
internal sealed class ListChunk(Stream body, byte[] buffer, CancellationToken cancellationToken)
{
    private int _filled;

    public async ValueTask AddAsync(byte[] bytes)
    {
        int offset = 0;
        while (offset < bytes.Length)
        {
            if (_filled == buffer.Length)
            {
                await FlushAsync().ConfigureAwait(false);
            }

            int count = Math.Min(buffer.Length - _filled, bytes.Length - offset);
            bytes.AsSpan(offset, count).CopyTo(buffer.AsSpan(_filled));
            _filled += count;
            offset += count;
        }
    }

    public async ValueTask FlushAsync()
    {
        if (_filled > 0)
        {
            await body.WriteAsync(buffer.AsMemory(0, _filled), cancellationToken).ConfigureAwait(false);
            _filled = 0;
        }
    }
}
