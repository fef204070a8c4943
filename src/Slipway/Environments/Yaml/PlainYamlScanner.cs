using System.Buffers;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Slipway.Environments.Yaml;

/// <summary>
/// A fast path for the YAML environment files are almost always written in: block mappings indented with spaces,
/// <c>key: value</c> lines with plain keys and plain one-line values, flow lists of plain names (<c>extends: [base]</c>),
/// comment and blank lines. It produces exactly the events (values, styles, start marks) YamlDotNet's parser would,
/// at a fraction of the cost. Anything else — quotes, block lists, multi-line or empty values, tags, anchors,
/// aliases, comments after a value, tabs, CR, non-ASCII text, trailing spaces, syntax errors — makes
/// <see cref="TryScan"/> return null, and the caller parses the text with YamlDotNet itself.
/// </summary>
internal static class PlainYamlScanner
{
    // YAML limits an implicit key to 1024 characters; longer ones are left to YamlDotNet's error.
    private const int MaxKeyLength = 1000;

    // Characters a plain key may hold; a key must start with a letter, a digit or '_'.
    private static readonly SearchValues<char> s_keyChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-./");

    // Characters a plain value may start with: no YAML indicator (- ? : , [ ] { } # & * ! | > ' " % @ `).
    private static readonly SearchValues<char> s_valueStart = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./$~(+=^<");

    // Anything outside printable ASCII and '\n' (tabs, CR, BOM, non-ASCII) sends the whole file to YamlDotNet.
    private static readonly SearchValues<char> s_supported = SearchValues.Create(
        "\n !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    /// <summary>The parsing events of <paramref name="text"/>, or null when it uses anything outside the fast path's subset.</summary>
    public static List<ParsingEvent>? TryScan(string text)
    {
        if (text.AsSpan().ContainsAnyExcept(s_supported))
        {
            return null;
        }

        var scanner = new Scanner(text);
        return scanner.Scan() ? scanner.Events : null;
    }

    private sealed class Scanner(string text)
    {
        private readonly List<int> _indents = [];
        private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
        private int _lineStart;
        private int _line = 1;
        private bool _pendingMapping;

        public List<ParsingEvent> Events { get; } = new(Math.Max(16, text.Length / 10));

        public bool Scan()
        {
            Events.Add(new StreamStart(new Mark(0, 1, 1), new Mark(0, 1, 1)));
            while (_lineStart < text.Length)
            {
                int end = text.IndexOf('\n', _lineStart);
                if (end < 0)
                {
                    end = text.Length;
                }

                if (!ScanLine(end))
                {
                    return false;
                }

                _lineStart = end + 1;
                _line++;
            }

            if (_indents.Count == 0 || _pendingMapping)
            {
                return false;
            }

            Mark last = EndOfText();
            for (int i = 0; i < _indents.Count; i++)
            {
                Events.Add(new MappingEnd(last, last));
            }

            Events.Add(new DocumentEnd(true, last, last));
            Events.Add(new StreamEnd(last, last));
            return true;
        }

        private Mark EndOfText() => new(text.Length, _line, 1);

        private bool ScanLine(int end)
        {
            int start = _lineStart;
            while (start < end && text[start] == ' ')
            {
                start++;
            }

            if (start == end || text[start] == '#')
            {
                return true;
            }

            int indent = start - _lineStart;
            Mark at = MarkAt(start);
            if (_indents.Count == 0)
            {
                if (indent != 0)
                {
                    return false;
                }

                Events.Add(new DocumentStart(null, null, true, at, at));
                OpenMapping(indent, at);
            }
            else if (_pendingMapping)
            {
                if (indent <= _indents[^1])
                {
                    return false;
                }

                OpenMapping(indent, at);
            }
            else
            {
                while (indent < _indents[^1])
                {
                    Events.Add(new MappingEnd(at, at));
                    _indents.RemoveAt(_indents.Count - 1);
                    if (_indents.Count == 0)
                    {
                        return false;
                    }
                }

                if (indent != _indents[^1])
                {
                    return false;
                }
            }

            return ScanEntry(start, end);
        }

        private void OpenMapping(int indent, Mark at)
        {
            Events.Add(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block, at, at));
            _indents.Add(indent);
            _pendingMapping = false;
        }

        private bool ScanEntry(int start, int end)
        {
            int keyEnd = start + text.AsSpan(start, end - start).IndexOfAnyExcept(s_keyChars);
            if (keyEnd <= start || keyEnd - start > MaxKeyLength || !(char.IsAsciiLetterOrDigit(text[start]) || text[start] == '_') || text[keyEnd] != ':')
            {
                return false;
            }

            Events.Add(Plain(start, keyEnd));
            int value = keyEnd + 1;
            if (value == end)
            {
                _pendingMapping = true;
                return true;
            }

            if (text[value] != ' ')
            {
                return false;
            }

            while (value < end && text[value] == ' ')
            {
                value++;
            }

            if (value == end)
            {
                return false;
            }

            return text[value] == '[' ? ScanFlowList(value, end) : ScanValue(value, end);
        }

        private bool ScanValue(int start, int end)
        {
            if (!s_valueStart.Contains(text[start]) || text[end - 1] == ' ' || text[end - 1] == ':')
            {
                return false;
            }

            for (int i = start + 1; i < end; i++)
            {
                char c = text[i];
                if ((c == '#' && text[i - 1] == ' ') || (c == ':' && text[i + 1] == ' '))
                {
                    return false;
                }
            }

            Events.Add(Plain(start, end));
            return true;
        }

        private bool ScanFlowList(int open, int end)
        {
            Mark at = MarkAt(open);
            Events.Add(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Flow, at, at));
            int i = SkipSpaces(open + 1, end);
            if (i < end && text[i] == ']')
            {
                return CloseFlowList(i, end);
            }

            while (i < end)
            {
                int itemEnd = i + text.AsSpan(i, end - i).IndexOfAnyExcept(s_keyChars);
                if (itemEnd <= i || !(char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    return false;
                }

                Events.Add(Plain(i, itemEnd));
                i = SkipSpaces(itemEnd, end);
                if (i < end && text[i] == ']')
                {
                    return CloseFlowList(i, end);
                }

                if (i >= end || text[i] != ',')
                {
                    return false;
                }

                i = SkipSpaces(i + 1, end);
            }

            return false;
        }

        private bool CloseFlowList(int close, int end)
        {
            if (close + 1 != end)
            {
                return false;
            }

            Mark at = MarkAt(close);
            Events.Add(new SequenceEnd(at, at));
            return true;
        }

        private int SkipSpaces(int i, int end)
        {
            while (i < end && text[i] == ' ')
            {
                i++;
            }

            return i;
        }

        private Scalar Plain(int start, int end)
        {
            ReadOnlySpan<char> span = text.AsSpan(start, end - start);
            Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(span, out string? value))
            {
                value = span.ToString();
                lookup[span] = value;
            }

            return new Scalar(AnchorName.Empty, TagName.Empty, value, ScalarStyle.Plain, true, false, MarkAt(start), MarkAt(end));
        }

        private Mark MarkAt(int index) => new(index, _line, index - _lineStart + 1);
    }
}
