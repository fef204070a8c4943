using System.Globalization;
using System.Text;

namespace Slipway.GitOps.Git;

/// <summary>
/// The answers of one <c>git cat-file --batch-command</c> (the format of <c>--batch</c>), read in the order they were asked: a header line
/// (<c>&lt;id&gt; &lt;type&gt; &lt;size&gt;</c>, or <c>&lt;name&gt; missing</c>), the object's bytes and a newline.
/// </summary>
internal sealed class FileHistoryBlobs
{
    private readonly Stream _output;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    public FileHistoryBlobs(Stream output)
    {
        _output = output;
    }

    /// <summary>The text of the next answer; null when it is missing or not a file (a deleted path, a folder).</summary>
    public async Task<string?> ReadTextAsync(CancellationToken cancellationToken)
    {
        string header = await ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
        string[] parts = header.Split(' ');
        if (parts.Length != 3)
        {
            return null; // "<name> missing" or "<name> ambiguous": no content follows
        }

        int size = int.Parse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture);
        byte[] content = new byte[size];
        await FillAsync(content, cancellationToken).ConfigureAwait(false);
        await FillAsync(new byte[1], cancellationToken).ConfigureAwait(false); // the newline after the content
        if (parts[1] != "blob")
        {
            return null;
        }

        int bom = content.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        return Encoding.UTF8.GetString(content, bom, size - bom);
    }

    private async Task<string> ReadHeaderAsync(CancellationToken cancellationToken)
    {
        var header = new StringBuilder();
        while (true)
        {
            if (_start == _end && !await MoreAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new EndOfStreamException("git cat-file --batch ended before answering.");
            }

            int newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            int stop = newline < 0 ? _end : newline;
            header.Append(Encoding.ASCII.GetString(_buffer, _start, stop - _start));
            _start = newline < 0 ? _end : newline + 1;
            if (newline >= 0)
            {
                return header.ToString();
            }
        }
    }

    private async Task FillAsync(byte[] target, CancellationToken cancellationToken)
    {
        int filled = 0;
        while (filled < target.Length)
        {
            if (_start == _end && !await MoreAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new EndOfStreamException("git cat-file --batch ended in the middle of an object.");
            }

            int count = Math.Min(target.Length - filled, _end - _start);
            Array.Copy(_buffer, _start, target, filled, count);
            filled += count;
            _start += count;
        }
    }

    private async Task<bool> MoreAsync(CancellationToken cancellationToken)
    {
        _start = 0;
        _end = await _output.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
        return _end > 0;
    }
}
