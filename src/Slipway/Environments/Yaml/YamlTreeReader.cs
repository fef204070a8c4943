using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Slipway.Environments.Yaml;

/// <summary>
/// Reads YAML into a <see cref="ConfigNode"/> tree that remembers the line and column of every key and value, using
/// YamlDotNet's event parser. Duplicate keys are errors. Aliases (<c>*name</c>) are rejected, not expanded, so a
/// "billion laughs" document costs one event per alias; share values through <c>extends</c> layers instead. Files
/// larger than <see cref="MaxFileBytes"/> are refused before parsing, and nesting is limited to <see cref="MaxDepth"/>.
/// Control characters and tags outside YAML's core schema are refused; a syntax error is reported where it can be
/// fixed (the unclosed bracket or quote, the tab), see <see cref="YamlTextErrors"/>.
/// </summary>
public static class YamlTreeReader
{
    public const int MaxFileBytes = 1024 * 1024;

    public const int MaxDepth = 64;

    public const string AppendTag = "!append";

    public const string ReplaceTag = "!replace";

    public const string NullTag = "!null";

    private const string CoreTagPrefix = "tag:yaml.org,2002:";

    private const string StringTag = CoreTagPrefix + "str";

    // YAML's core schema: !!python/object, !!binary and other language or type tags are refused, not passed on.
    private static readonly HashSet<string> s_coreTags = new(
        new[] { "str", "int", "float", "bool", "null", "map", "seq" }.Select(static name => CoreTagPrefix + name), StringComparer.Ordinal);

    /// <summary>Reads <paramref name="text"/>; <paramref name="file"/> is the path diagnostics name.</summary>
    public static YamlReadResult Read(string text, string file) => Read(text, text, file);

    /// <summary>
    /// Reads <paramref name="text"/> (<paramref name="original"/> is the same text as a string when the caller has one;
    /// otherwise a string is made only if YamlDotNet has to read it). <paramref name="buffers"/>: the fast scanner's, reused
    /// from file to file by a caller reading many on one thread.
    /// </summary>
    internal static YamlReadResult Read(ReadOnlySpan<char> text, string? original, string file, YamlScanBuffers? buffers = null)
    {
        var diagnostics = new List<Diagnostic>();
        if (text.Length > MaxFileBytes)
        {
            diagnostics.Add(TooLarge(file, text.Length));
            return new YamlReadResult(null, diagnostics);
        }

        // Most environment files are plain block mappings: the fast scanner reads those, YamlDotNet everything else.
        return PlainYamlScanner.TryRead(text, file, diagnostics, buffers) is { } mapping
            ? new YamlReadResult(mapping, diagnostics)
            : ReadWithYamlDotNet(original ?? new string(text), file, diagnostics);
    }

    /// <summary>Reads <paramref name="text"/> with YamlDotNet's parser (the general path, also the fast path's reference in tests).</summary>
    internal static YamlReadResult ReadWithYamlDotNet(string text, string file, List<Diagnostic> diagnostics)
    {
        if (YamlTextErrors.ControlCharacter(text, file) is { } control)
        {
            diagnostics.Add(control);
            return new YamlReadResult(null, diagnostics);
        }

        var reader = new State(file, diagnostics);
        var parser = new Parser(new StringReader(text));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return new YamlReadResult(null, diagnostics);
            }

            parser.Consume<DocumentStart>();
            ConfigNode root = parser.Accept<DocumentEnd>(out DocumentEnd? empty)
                ? new ConfigScalar(string.Empty, false, reader.At(empty.Start))
                : reader.ReadNode(parser, 1);
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out DocumentStart? second))
            {
                diagnostics.Add(Diagnostic.Error(reader.At(second.Start), EnvironmentDiagnosticCodes.YamlSyntax,
                    "a second YAML document ('---') is not allowed: an environment file holds one mapping"));
            }

            return new YamlReadResult(root, diagnostics);
        }
        catch (Exception exception) when (exception is YamlException or InvalidOperationException)
        {
            // YamlDotNet throws InvalidOperationException for some unclosed flow collections ('{a: b' before a new key).
            diagnostics.Add(reader.SyntaxError(exception, text, parser.Current));
            return new YamlReadResult(null, diagnostics);
        }
        catch (TooDeepException)
        {
            return new YamlReadResult(null, diagnostics);
        }
    }

    /// <summary>The diagnostic for a file over the size limit (also used by the loader before reading a large file).</summary>
    public static Diagnostic TooLarge(string file, long length)
        => new(file, 1, 1, DiagnosticSeverity.Error, EnvironmentDiagnosticCodes.FileTooLarge,
            $"file is {length / 1024.0 / 1024.0:0.0} MB; environment files are limited to {MaxFileBytes / 1024 / 1024} MB: split it into values/*.yaml files or keep large data outside the environment");

    /// <summary>The diagnostic for a key written twice in one mapping.</summary>
    internal static Diagnostic DuplicateKey(SourceLocation keyAt, string name, ConfigEntry existing)
        => Diagnostic.Error(keyAt, EnvironmentDiagnosticCodes.DuplicateKey,
            $"duplicate key '{name}' (first set at line {existing.KeyLocation.Line}): remove one of them");


    private static string Describe(YamlException exception)
    {
        string message = exception.Message;
        int close = message.IndexOf("): ", StringComparison.Ordinal);
        return close >= 0 && message.StartsWith('(') ? message[(close + 3)..] : message;
    }

    private sealed class TooDeepException : Exception
    {
    }

    private sealed class State(string file, List<Diagnostic> diagnostics)
    {
        // Keys repeat within a file (every release has chart, version, values, …): share one string per key so the
        // retained tree is smaller.
        private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);

        public SourceLocation At(Mark mark) => new(file, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

        /// <summary>The diagnostic for a parser error: at the unclosed bracket, the tab, or where the parser stopped.</summary>
        public Diagnostic SyntaxError(Exception exception, string text, ParsingEvent? last)
        {
            string? detail = exception is YamlException yaml ? Describe(yaml) : null;
            Mark? stoppedAt = exception is YamlException { Start.Index: > 0 } located ? located.Start : null;
            if (detail is not null && detail.Contains("tab", StringComparison.OrdinalIgnoreCase)
                && YamlTextErrors.TabIndentation(text, (int)(last?.End.Index ?? 0), file) is { } tab)
            {
                return Diagnostic.Error(tab, EnvironmentDiagnosticCodes.YamlSyntax,
                    "a tab is used for indentation: indent with spaces (YAML does not allow tabs there)");
            }

            bool inFlow = detail is null || detail.Contains("flow sequence", StringComparison.Ordinal) || detail.Contains("flow mapping", StringComparison.Ordinal);
            if (inFlow && YamlTextErrors.UnclosedBracket(text) is (not '\0' and var bracket, var opened))
            {
                SourceLocation openAt = YamlTextErrors.Position(text, opened, file);
                string fix = bracket == '[' ? "end the list with ']'" : "end the mapping with '}'";
                string where = stoppedAt is { } mark ? $" (the parser expected ',' or '{(bracket == '[' ? ']' : '}')}' at line {mark.Line}, column {mark.Column})" : string.Empty;
                return Diagnostic.Error(openAt, EnvironmentDiagnosticCodes.YamlSyntax,
                    $"'{bracket}' is not closed: {fix}, or quote a value that starts with '{bracket}'{where}");
            }

            SourceLocation at = stoppedAt is { } stop ? At(stop) : At(last?.End ?? Mark.Empty);
            if (detail is not null && detail.Contains("quoted scalar", StringComparison.Ordinal))
            {
                return Diagnostic.Error(at, EnvironmentDiagnosticCodes.YamlSyntax,
                    $"the quoted value that starts here is not closed: end it with the same quote ({detail.TrimEnd('.')})");
            }

            return Diagnostic.Error(at, EnvironmentDiagnosticCodes.YamlSyntax,
                $"YAML syntax error: {detail?.TrimEnd('.') ?? "the text after this point cannot be read"}: check the indentation, brackets and quotes here");
        }

        public ConfigNode ReadNode(IParser parser, int depth)
        {
            if (depth > MaxDepth)
            {
                ParsingEvent current = parser.Current!;
                diagnostics.Add(Diagnostic.Error(At(current.Start), EnvironmentDiagnosticCodes.TooDeep,
                    $"nesting deeper than {MaxDepth} levels: flatten this value"));
                throw new TooDeepException();
            }

            if (parser.TryConsume<Scalar>(out var scalar))
            {
                string tag = CheckTag(scalar.Tag, scalar.Start, "scalar");
                bool quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded
                    || (!scalar.Tag.IsEmpty && scalar.Tag.Value == StringTag);
                bool explicitNull = tag == NullTag;
                if (explicitNull && (quoted || scalar.Value is not ("" or "null" or "~")))
                {
                    diagnostics.Add(Diagnostic.Error(At(scalar.Start), EnvironmentDiagnosticCodes.UnknownTag,
                        $"!null takes no value (it is the value null): write 'key: !null', not '!null {scalar.Value}'"));
                }

                return new ConfigScalar(scalar.Value, quoted, At(scalar.Start)) { IsExplicitNull = explicitNull };
            }

            if (parser.TryConsume<SequenceStart>(out var sequenceStart))
            {
                string tag = CheckTag(sequenceStart.Tag, sequenceStart.Start, "list");
                var items = new List<ConfigNode>();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    items.Add(ReadNode(parser, depth + 1));
                }

                return new ConfigSequence(items, tag == AppendTag, At(sequenceStart.Start)) { Replace = tag == ReplaceTag };
            }

            if (parser.TryConsume<MappingStart>(out var mappingStart))
            {
                string tag = CheckTag(mappingStart.Tag, mappingStart.Start, "mapping");
                return ReadMapping(parser, mappingStart, depth, tag == ReplaceTag);
            }

            AnchorAlias alias = parser.Consume<AnchorAlias>();
            diagnostics.Add(Diagnostic.Error(At(alias.Start), EnvironmentDiagnosticCodes.AliasNotAllowed,
                $"YAML alias '*{alias.Value}' is not allowed (aliases are rejected so a file cannot expand without limit): write the value, or move shared values into a layer and use extends"));
            return new ConfigScalar(string.Empty, false, At(alias.Start));
        }

        private ConfigMapping ReadMapping(IParser parser, MappingStart start, int depth, bool replace)
        {
            var mapping = new ConfigMapping(At(start.Start)) { Replace = replace };
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                if (!parser.TryConsume<Scalar>(out var key))
                {
                    ParsingEvent current = parser.Current!;
                    diagnostics.Add(Diagnostic.Error(At(current.Start), EnvironmentDiagnosticCodes.YamlSyntax,
                        "a mapping key must be a plain name, not a list, mapping or alias"));
                    ReadNode(parser, depth + 1);
                    ReadNode(parser, depth + 1);
                    continue;
                }

                SourceLocation keyAt = At(key.Start);
                if (!_keys.TryGetValue(key.Value, out string? name))
                {
                    name = key.Value;
                    _keys.Add(name, name);
                }

                ConfigNode value = ReadNode(parser, depth + 1);
                ConfigEntry? existing = mapping.GetEntry(name);
                if (existing is not null)
                {
                    diagnostics.Add(DuplicateKey(keyAt, name, existing));
                }

                mapping.Set(new ConfigEntry(name, keyAt, value));
            }

            return mapping;
        }

        /// <summary>
        /// The tag of a node if Slipway gives it a meaning here (<c>!append</c> on a list, <c>!replace</c> on a mapping or
        /// list, <c>!null</c> as a scalar), else an empty string; any other tag, or one of those on the wrong kind of node,
        /// is reported.
        /// </summary>
        private string CheckTag(TagName tag, Mark at, string kind)
        {
            if (tag.IsEmpty || tag.IsNonSpecific || s_coreTags.Contains(tag.Value))
            {
                return string.Empty;
            }

            string? problem = (tag.Value, kind) switch
            {
                (AppendTag, "list") or (ReplaceTag, "list" or "mapping") or (NullTag, "scalar") => null,
                (AppendTag, _) => "!append applies to a list only: write '!append [item, …]' or a '!append' block list",
                (ReplaceTag, _) => "!replace applies to a mapping or a list (it replaces the inherited one whole); a scalar always replaces the inherited value: remove the tag",
                (NullTag, _) => "!null is a value of its own ('key: !null'), not a tag for a mapping or list: write 'key: !null' to pass a null to the chart",
                _ => $"unknown tag '{tag.Value.Replace(CoreTagPrefix, "!!", StringComparison.Ordinal)}': the only tags environment files use are !append, !replace, !null and YAML's own (!!str, !!int, …)",
            };

            if (problem is null)
            {
                return tag.Value;
            }

            diagnostics.Add(Diagnostic.Error(At(at), EnvironmentDiagnosticCodes.UnknownTag, problem));
            return string.Empty;
        }
    }
}
