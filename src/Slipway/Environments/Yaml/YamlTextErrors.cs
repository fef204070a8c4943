using System.Buffers;
using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;

namespace Slipway.Environments.Yaml;

/// <summary>
/// Finds what is wrong in the text of a YAML file where the parser cannot say it: bytes that are not UTF-8, control
/// characters, and the tab YamlDotNet reports at (1,1). Only called on the general path or after an error, so the fast
/// path pays nothing.
/// </summary>
internal static class YamlTextErrors
{
    // Not printable in YAML 1.2: C0 controls other than tab, LF and CR, DEL, C1 controls other than NEL, and U+FFFE/U+FFFF.
    private static readonly SearchValues<char> s_forbidden = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017"
        + "\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F\u0080\u0081\u0082\u0083\u0084\u0086\u0087\u0088\u0089\u008A\u008B\u008C"
        + "\u008D\u008E\u008F\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F\uFFFE\uFFFF");

    /// <summary>The first character YAML does not allow in a file (a NUL byte, an escape, …), or null.</summary>
    public static Diagnostic? ControlCharacter(ReadOnlySpan<char> text, string file)
    {
        int index = text.IndexOfAny(s_forbidden);
        return index < 0
            ? null
            : Diagnostic.Error(Position(text, index, file), EnvironmentDiagnosticCodes.InvalidText,
                $"control character U+{(int)text[index]:X4} is not allowed in a YAML file: remove it (a binary file or a paste from a terminal?)");
    }

    /// <summary>
    /// The bytes of a file that are not valid UTF-8: the first bad byte, at the line and column of the characters decoded
    /// before it (<paramref name="decoded"/>).
    /// </summary>
    public static Diagnostic InvalidUtf8(string file, byte badByte, ReadOnlySpan<char> decoded)
        => Diagnostic.Error(Position(decoded, decoded.Length, file), EnvironmentDiagnosticCodes.InvalidText,
            $"invalid UTF-8 (byte 0x{badByte:X2}): environment files are UTF-8; save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8), nothing was read from it");

    /// <summary>
    /// The first tab at or after <paramref name="from"/> that stands in a line's indentation (only spaces and tabs before
    /// it on its line), or null.
    /// </summary>
    public static SourceLocation? TabIndentation(ReadOnlySpan<char> text, int from, string file)
    {
        for (int i = Math.Clamp(from, 0, text.Length); i < text.Length; i++)
        {
            int tab = text[i..].IndexOf('\t');
            if (tab < 0)
            {
                return null;
            }

            i += tab;
            int lineStart = text[..i].LastIndexOf('\n') + 1;
            if (text[lineStart..i].IndexOfAnyExcept(' ', '\t') < 0)
            {
                return Position(text, i, file);
            }
        }

        return null;
    }

    /// <summary>
    /// The innermost '[' or '{' that is never closed ('\0' when none is): YamlDotNet's scanner (which knows block
    /// context, quotes and comments) finds the outermost bracket still open where it fails; from there the flow text is
    /// followed bracket by bracket to the one left open, or the one an end bracket of the other kind meets.
    /// </summary>
    public static (char Bracket, int Index) UnclosedBracket(string text)
    {
        int outermost = -1;
        int depth = 0;
        var scanner = new Scanner(new StringReader(text));
        try
        {
            while (scanner.MoveNext())
            {
                if (scanner.Current is FlowSequenceStart or FlowMappingStart)
                {
                    outermost = depth++ == 0 ? (int)scanner.Current.Start.Index : outermost;
                }
                else if (scanner.Current is FlowSequenceEnd or FlowMappingEnd && depth > 0)
                {
                    depth--;
                }
            }
        }
        catch (Exception exception) when (exception is YamlException or InvalidOperationException)
        {
            // Stopped inside the outermost open bracket, if any.
        }

        return depth > 0 && outermost >= 0 ? FollowFlow(text, outermost) : ('\0', -1);
    }

    /// <summary>Follows flow text from the bracket at <paramref name="open"/>: the bracket left open or mismatched.</summary>
    private static (char Bracket, int Index) FollowFlow(string text, int open)
    {
        var stack = new List<int> { open };
        for (int i = open + 1; i < text.Length && stack.Count > 0; i++)
        {
            char c = text[i];
            if (c is '[' or '{')
            {
                stack.Add(i);
            }
            else if (c is ']' or '}')
            {
                char expected = text[stack[^1]] == '[' ? ']' : '}';
                if (c != expected)
                {
                    break;
                }

                stack.RemoveAt(stack.Count - 1);
            }
            else if (c == '#' && char.IsWhiteSpace(text[i - 1]))
            {
                i = text.IndexOf('\n', i) is int end and >= 0 ? end : text.Length;
            }
            else if (c is '\'' or '"' && StartsScalar(text, i))
            {
                i = SkipQuoted(text, i);
            }
        }

        // Closed after all (the scanner had not said so yet): name the outermost, where the parser gave up.
        return stack.Count > 0 ? (text[stack[^1]], stack[^1]) : (text[open], open);
    }

    // A quote opens a quoted scalar where a flow value starts (after '[', '{', ',' or ':'), not inside a plain one (it's).
    private static bool StartsScalar(string text, int quote)
    {
        ReadOnlySpan<char> before = text.AsSpan(0, quote).TrimEnd();
        return before.Length > 0 && before[^1] is '[' or '{' or ',' or ':';
    }

    private static int SkipQuoted(string text, int quote)
    {
        for (int i = quote + 1; i < text.Length; i++)
        {
            if (text[quote] == '"' && text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == text[quote])
            {
                if (text[quote] == '\'' && i + 1 < text.Length && text[i + 1] == '\'')
                {
                    i++;
                    continue;
                }

                return i;
            }
        }

        return text.Length;
    }

    /// <summary>The line and column (1-based) of the character at <paramref name="index"/>.</summary>
    public static SourceLocation Position(ReadOnlySpan<char> text, int index, string file)
    {
        ReadOnlySpan<char> before = text[..index];
        int lineStart = before.LastIndexOf('\n') + 1;
        return new SourceLocation(file, before.Count('\n') + 1, index - lineStart + 1);
    }
}
