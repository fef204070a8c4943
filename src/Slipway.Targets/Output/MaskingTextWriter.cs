using System.Text;

namespace Slipway.Targets.Output;

/// <summary>
/// Wraps Console.Out/Error so that whatever a target writes is masked too. Buffers to the end of a line,
/// so a secret is never split across two writes.
/// </summary>
internal sealed class MaskingTextWriter : TextWriter
{
    private readonly TextWriter _inner;
    private readonly SecretMasker _masker;
    private readonly StringBuilder _line = new();
    private readonly object _gate = new();

    public MaskingTextWriter(TextWriter inner, SecretMasker masker)
    {
        _inner = inner;
        _masker = masker;
    }

    public override Encoding Encoding => _inner.Encoding;

    public override void Write(char value)
    {
        lock (_gate)
        {
            _line.Append(value);
            if (value == '\n')
            {
                FlushLine();
            }
        }
    }

    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }

        lock (_gate)
        {
            _line.Append(value);
            if (value.Contains('\n', StringComparison.Ordinal))
            {
                FlushLine();
            }
        }
    }

    public override void WriteLine(string? value)
    {
        lock (_gate)
        {
            _line.Append(value).Append('\n');
            FlushLine();
        }
    }

    /// <summary>Writes a whole line past the masking: only for <c>::add-mask::</c>, which must carry the secret itself.</summary>
    public void WriteLineUnmasked(string line)
    {
        lock (_gate)
        {
            _inner.Write(line + "\n");
            _inner.Flush();
        }
    }

    public override void Flush()
    {
        lock (_gate)
        {
            if (_line.Length > 0)
            {
                _inner.Write(_masker.Mask(_line.ToString()));
                _line.Clear();
            }

            _inner.Flush();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }

    private void FlushLine()
    {
        string text = _line.ToString();
        int last = text.LastIndexOf('\n');
        _inner.Write(_masker.Mask(text[..(last + 1)]));
        _inner.Flush();
        _line.Clear();
        _line.Append(text, last + 1, text.Length - last - 1);
    }
}
