using System.Buffers;

namespace Slipway.Environments.Yaml;

/// <summary>
/// A fast path for the YAML environment files are almost always written in: block mappings indented with spaces,
/// <c>key: value</c> lines with plain keys and plain one-line values, flow lists of plain names (<c>extends: [base]</c>),
/// comment and blank lines. It builds exactly the tree (values, quoting, lines and columns, duplicate-key diagnostics)
/// that <see cref="YamlTreeReader"/> builds from YamlDotNet's events, at a fraction of the cost and without the events.
/// Anything else — quotes, block lists, multi-line or empty values, tags, anchors, aliases, comments after a value,
/// tabs, CR, non-ASCII text, trailing spaces, deep nesting, syntax errors — makes <see cref="TryRead"/> return null,
/// and the caller parses the text with YamlDotNet itself.
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

    // Deeper files are left to YamlDotNet, whose reader reports nesting past YamlTreeReader.MaxDepth.
    private const int MaxMappingDepth = YamlTreeReader.MaxDepth - 4;

    /// <summary>
    /// The root mapping of <paramref name="text"/>, or null when it uses anything outside the fast path's subset
    /// (then nothing is added to <paramref name="diagnostics"/>). <paramref name="buffers"/>: reused from the previous
    /// file read on this thread, if any.
    /// </summary>
    public static ConfigMapping? TryRead(ReadOnlySpan<char> text, string file, List<Diagnostic> diagnostics, YamlScanBuffers? buffers = null)
    {
        if (text.ContainsAnyExcept(s_supported))
        {
            return null;
        }

        buffers ??= new YamlScanBuffers();
        buffers.Reset();
        try
        {
            ConfigMapping? root = new Scanner(text, file, buffers).Scan();
            if (root is not null)
            {
                diagnostics.AddRange(buffers.Diagnostics);
            }

            return root;
        }
        finally
        {
            // Nothing of this file's tree is kept alive by the buffers.
            buffers.Reset();
        }
    }

    // A ref struct so it can read the text straight from the loader's pooled buffer.
    private ref struct Scanner
    {
        private readonly ReadOnlySpan<char> _text;
        private readonly string _file;
        private readonly List<ScanFrame> _open;

        // The entries of the open mappings: a mapping is made when it closes, with an array of its exact size.
        private readonly List<ConfigEntry> _entries;

        // The keys of each open mapping, by depth (reused): duplicates are found without building the mapping's index.
        private readonly List<HashSet<string>> _keys;
        private readonly Dictionary<string, string> _keyStrings;
        private readonly Dictionary<string, string> _valueStrings;
        private readonly List<Diagnostic> _diagnostics;
        private int _lineStart;
        private int _line = 1;

        // A key whose value is the mapping on the following, more indented lines.
        private string? _pendingKey;
        private SourceLocation _pendingKeyLocation;

        public Scanner(ReadOnlySpan<char> text, string file, YamlScanBuffers buffers)
        {
            _text = text;
            _file = file;
            _open = buffers.Open;
            _entries = buffers.Entries;
            _keys = buffers.Keys;
            _keyStrings = buffers.KeyStrings;
            _valueStrings = buffers.ValueStrings;
            _diagnostics = buffers.Diagnostics;
        }

        public ConfigMapping? Scan()
        {
            while (_lineStart < _text.Length)
            {
                int end = _text[_lineStart..].IndexOf('\n');
                end = end < 0 ? _text.Length : _lineStart + end;

                if (!ScanLine(end))
                {
                    return null;
                }

                _lineStart = end + 1;
                _line++;
            }

            if (_open.Count == 0 || _pendingKey is not null)
            {
                return null;
            }

            while (_open.Count > 1)
            {
                Close();
            }

            return Build(_open[0]);
        }

        private bool ScanLine(int end)
        {
            int start = _lineStart;
            while (start < end && _text[start] == ' ')
            {
                start++;
            }

            if (start == end || _text[start] == '#')
            {
                return true;
            }

            int indent = start - _lineStart;
            if (_open.Count == 0)
            {
                if (indent != 0)
                {
                    return false;
                }

                Open(new ScanFrame(indent, At(start), null, default, _entries.Count));
            }
            else if (_pendingKey is not null)
            {
                if (indent <= _open[^1].Indent || _open.Count >= MaxMappingDepth)
                {
                    return false;
                }

                Open(new ScanFrame(indent, At(start), _pendingKey, _pendingKeyLocation, _entries.Count));
                _pendingKey = null;
            }
            else
            {
                while (indent < _open[^1].Indent)
                {
                    if (_open.Count == 1)
                    {
                        return false;
                    }

                    Close();
                }

                if (indent != _open[^1].Indent)
                {
                    return false;
                }
            }

            return ScanEntry(start, end);
        }

        private void Open(ScanFrame frame)
        {
            if (_keys.Count == _open.Count)
            {
                _keys.Add(new HashSet<string>(StringComparer.Ordinal));
            }
            else
            {
                _keys[_open.Count].Clear();
            }

            _open.Add(frame);
        }

        /// <summary>Closes the innermost mapping: it becomes the value of its key in the enclosing one.</summary>
        private void Close()
        {
            ScanFrame closed = _open[^1];
            _open.RemoveAt(_open.Count - 1);
            Set(closed.Key!, closed.KeyLocation, Build(closed));
        }

        /// <summary>The mapping of a frame being closed, made of its entries (which leave the buffer).</summary>
        private ConfigMapping Build(ScanFrame frame)
        {
            int count = _entries.Count - frame.FirstEntry;
            var entries = new ConfigEntry[count];
            _entries.CopyTo(frame.FirstEntry, entries, 0, count);
            _entries.RemoveRange(frame.FirstEntry, count);
            return new ConfigMapping(frame.Location, entries);
        }

        private void Set(string key, SourceLocation keyLocation, ConfigNode value)
        {
            var entry = new ConfigEntry(key, keyLocation, value);
            if (_keys[_open.Count - 1].Add(key))
            {
                _entries.Add(entry);
                return;
            }

            // A duplicate (rare): reported, and the later value takes the first one's place, as YamlDotNet's path does.
            int existing = _open[^1].FirstEntry;
            while (!string.Equals(_entries[existing].Key, key, StringComparison.Ordinal))
            {
                existing++;
            }

            _diagnostics.Add(YamlTreeReader.DuplicateKey(keyLocation, key, _entries[existing]));
            _entries[existing] = entry;
        }

        private bool ScanEntry(int start, int end)
        {
            int keyEnd = start + _text.Slice(start, end - start).IndexOfAnyExcept(s_keyChars);
            if (keyEnd <= start || keyEnd - start > MaxKeyLength || !(char.IsAsciiLetterOrDigit(_text[start]) || _text[start] == '_') || _text[keyEnd] != ':')
            {
                return false;
            }

            string key = Intern(_keyStrings, start, keyEnd);
            SourceLocation keyLocation = At(start);
            int value = keyEnd + 1;
            if (value == end)
            {
                _pendingKey = key;
                _pendingKeyLocation = keyLocation;
                return true;
            }

            if (_text[value] != ' ')
            {
                return false;
            }

            while (value < end && _text[value] == ' ')
            {
                value++;
            }

            if (value == end)
            {
                return false;
            }

            ConfigNode? node = _text[value] == '[' ? ScanFlowList(value, end) : ScanValue(value, end);
            if (node is null)
            {
                return false;
            }

            Set(key, keyLocation, node);
            return true;
        }

        private ConfigScalar? ScanValue(int start, int end)
        {
            if (!s_valueStart.Contains(_text[start]) || _text[end - 1] == ' ' || _text[end - 1] == ':')
            {
                return null;
            }

            for (int i = start + 1; i < end; i++)
            {
                char c = _text[i];
                if ((c == '#' && _text[i - 1] == ' ') || (c == ':' && _text[i + 1] == ' '))
                {
                    return null;
                }
            }

            return new ConfigScalar(Intern(_valueStrings, start, end), false, At(start));
        }

        private ConfigSequence? ScanFlowList(int open, int end)
        {
            var items = new List<ConfigNode>();
            int i = SkipSpaces(open + 1, end);
            if (i < end && _text[i] == ']')
            {
                return Close(open, i, end, items);
            }

            while (i < end)
            {
                int itemEnd = i + _text.Slice(i, end - i).IndexOfAnyExcept(s_keyChars);
                if (itemEnd <= i || !(char.IsAsciiLetterOrDigit(_text[i]) || _text[i] == '_'))
                {
                    return null;
                }

                items.Add(new ConfigScalar(Intern(_keyStrings, i, itemEnd), false, At(i)));
                i = SkipSpaces(itemEnd, end);
                if (i < end && _text[i] == ']')
                {
                    return Close(open, i, end, items);
                }

                if (i >= end || _text[i] != ',')
                {
                    return null;
                }

                i = SkipSpaces(i + 1, end);
            }

            return null;
        }

        private ConfigSequence? Close(int open, int close, int end, List<ConfigNode> items)
            => close + 1 == end ? new ConfigSequence(items, false, At(open)) : null;

        private int SkipSpaces(int i, int end)
        {
            while (i < end && _text[i] == ' ')
            {
                i++;
            }

            return i;
        }

        // Keys repeat across files, values within a file (chart, version, true, …): one string each.
        private readonly string Intern(Dictionary<string, string> strings, int start, int end)
        {
            ReadOnlySpan<char> span = _text.Slice(start, end - start);
            Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup = strings.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(span, out string? value))
            {
                value = span.ToString();
                lookup[span] = value;
            }

            return value;
        }

        private SourceLocation At(int index) => new(_file, _line, index - _lineStart + 1);
    }
}
