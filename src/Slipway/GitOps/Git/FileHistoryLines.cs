using System.Text;

namespace Slipway.GitOps.Git;

/// <summary>
/// The lines of a process's output as chunks arrive, telling when the chunk read so far is used up, so that a reader can
/// act once per chunk (send what it gathered) rather than once per line.
/// </summary>
internal sealed class FileHistoryLines
{
    private readonly Stream _stream;
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _ended;

    public FileHistoryLines(Stream stream)
    {
        _stream = stream;
    }

    /// <summary>The next whole line already read (without its newline); false when the chunk is used up (or, after the end, nothing is left).</summary>
    public bool TryReadLine(out string line)
    {
        int newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
        if (newline < 0 && !(_ended && _end > _start))
        {
            line = string.Empty;
            return false;
        }

        int stop = newline < 0 ? _end : newline;
        line = Encoding.UTF8.GetString(_buffer, _start, stop - _start);
        _start = newline < 0 ? _end : newline + 1;
        return true;
    }

    /// <summary>Reads the next chunk; false at the end of the output.</summary>
    public async Task<bool> ReadChunkAsync(CancellationToken cancellationToken)
    {
        if (_ended)
        {
            return false;
        }

        if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        int read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        _end += read;
        _ended = read == 0;
        return true;
    }
}
