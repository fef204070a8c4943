using NuGet.Versioning;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Slipway.Freezing.Charts;

/// <summary>
/// Reads an <c>index.yaml</c> from YamlDotNet's event stream, keeping only what <see cref="ChartEntry"/> holds (a chart's
/// other fields are skipped as events, not built into a tree: a 5,000-entry index reads in about half the time), and as
/// strictly: anything that is not an index is a <see cref="ChartIndexException"/> naming the file and line. Anchors and
/// aliases, which Helm never writes in an index, are refused.
/// </summary>
internal static class ChartIndexReader
{
    public static (string ApiVersion, string? Generated, SortedDictionary<string, List<ChartEntry>> Entries) Read(string text, string file)
    {
        var parser = new Parser(new StringReader(text));
        try
        {
            return Read(parser, file);
        }
        catch (YamlException invalid) when (invalid is not ChartIndexSyntaxException)
        {
            throw NotYaml(file, invalid);
        }
        catch (ChartIndexSyntaxException problem)
        {
            // Not YAML at all is said first, as when the whole file is loaded before it is read: read on to the end.
            try
            {
                while (parser.MoveNext())
                {
                }
            }
            catch (YamlException invalid)
            {
                throw NotYaml(file, invalid);
            }

            throw new ChartIndexException(file, problem.Start.Line, problem.Message);
        }
    }

    private static ChartIndexException NotYaml(string file, YamlException invalid) => new(file, invalid.Start.Line, $"not valid YAML: {invalid.Message}", invalid);

    private static (string, string?, SortedDictionary<string, List<ChartEntry>>) Read(Parser parser, string file)
    {
        parser.Consume<StreamStart>();
        if (!parser.TryConsume<DocumentStart>(out _) || !parser.TryConsume<MappingStart>(out MappingStart? root))
        {
            throw new ChartIndexException(file, 1, "an index must be a mapping with apiVersion and entries");
        }

        string? apiVersion = null;
        string? generated = null;
        var entries = new SortedDictionary<string, List<ChartEntry>>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            switch (Key(parser))
            {
                case "apiVersion":
                    apiVersion = Value(parser, "apiVersion");
                    break;
                case "generated":
                    generated = Value(parser, "generated");
                    break;
                case "entries":
                    ReadCharts(parser, entries);
                    break;
                default:
                    Skip(parser);
                    break;
            }
        }

        return (apiVersion ?? throw new ChartIndexSyntaxException(root.Start, "no API version specified (apiVersion: v1)"), generated, entries);
    }

    private static void ReadCharts(Parser parser, SortedDictionary<string, List<ChartEntry>> entries)
    {
        ParsingEvent start = parser.Current!;
        if (!parser.TryConsume<MappingStart>(out _))
        {
            throw new ChartIndexSyntaxException(start.Start, "entries must be a mapping of chart name to a list of versions");
        }

        while (!parser.TryConsume<MappingEnd>(out _))
        {
            string name = Key(parser);
            ParsingEvent list = parser.Current!;
            if (!parser.TryConsume<SequenceStart>(out _))
            {
                throw new ChartIndexSyntaxException(list.Start, $"entries.{name} must be a list of chart versions");
            }

            var versions = new List<(ChartEntry Entry, SemanticVersion Order)>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                versions.Add(ReadEntry(parser, name));
            }

            entries[name] = [.. versions.OrderByDescending(static v => v.Order).Select(static v => v.Entry)];
        }
    }

    private static (ChartEntry, SemanticVersion) ReadEntry(Parser parser, string chart)
    {
        ParsingEvent start = parser.Current!;
        if (!parser.TryConsume<MappingStart>(out _))
        {
            throw new ChartIndexSyntaxException(start.Start, $"entries.{chart}: each version must be a mapping (version, appVersion, created, digest, urls)");
        }

        (string Value, Mark At)? version = null;
        (string Value, Mark At)? name = null;
        string? appVersion = null, created = null, digest = null;
        List<string> urls = [];
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            string key = Key(parser);
            Mark at = parser.Current!.Start;
            switch (key)
            {
                case "version":
                    version = (Value(parser, key), at);
                    break;
                case "name":
                    name = (Value(parser, key), at);
                    break;
                case "appVersion":
                    appVersion = Value(parser, key);
                    break;
                case "created":
                    created = Value(parser, key);
                    break;
                case "digest":
                    digest = Value(parser, key);
                    break;
                case "urls":
                    urls = Urls(parser, chart);
                    break;
                default:
                    Skip(parser);
                    break;
            }
        }

        (string text, Mark versionAt) = version ?? throw new ChartIndexSyntaxException(start.Start, $"entries.{chart}: a chart version has no version");
        if (!HelmVersion.TryParse(text, out SemanticVersion order))
        {
            throw new ChartIndexSyntaxException(versionAt, $"entries.{chart}: version '{text}' is not a semantic version");
        }

        if (name is { } written && written.Value != chart)
        {
            throw new ChartIndexSyntaxException(written.At, $"entries.{chart}: version {text} is named '{written.Value}'");
        }

        return (new ChartEntry(chart, text, appVersion, created, digest, urls), order);
    }

    private static List<string> Urls(Parser parser, string chart)
    {
        ParsingEvent start = parser.Current!;
        if (!parser.TryConsume<SequenceStart>(out _))
        {
            throw new ChartIndexSyntaxException(start.Start, $"entries.{chart}: urls must be a list");
        }

        var urls = new List<string>();
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            ParsingEvent item = parser.Current!;
            urls.Add(parser.TryConsume<Scalar>(out Scalar? url) ? url.Value : throw new ChartIndexSyntaxException(item.Start, $"entries.{chart}: urls must be strings"));
        }

        return urls;
    }

    private static string Key(Parser parser)
    {
        ParsingEvent key = parser.Current!;
        Refuse(key);
        return parser.TryConsume<Scalar>(out Scalar? scalar) ? scalar.Value : throw new ChartIndexSyntaxException(key.Start, "a key must be a single value");
    }

    /// <summary>A scalar's text, or the error that the value is not one.</summary>
    private static string Value(Parser parser, string key)
    {
        ParsingEvent value = parser.Current!;
        Refuse(value);
        if (!parser.TryConsume<Scalar>(out Scalar? scalar))
        {
            throw new ChartIndexSyntaxException(value.Start, $"{key} must be a single value");
        }

        return scalar.Value;
    }

    private static void Skip(Parser parser)
    {
        Refuse(parser.Current!);
        parser.SkipThisAndNestedEvents();
    }

    private static void Refuse(ParsingEvent current)
    {
        if (current is AnchorAlias || current is NodeEvent { Anchor.IsEmpty: false })
        {
            throw new ChartIndexSyntaxException(current.Start, "anchors and aliases are not supported in a chart repository index");
        }
    }

    /// <summary>An index problem found while reading events, carried to <see cref="Read(string, string)"/> with its position.</summary>
    private sealed class ChartIndexSyntaxException(Mark at, string problem) : YamlException(at, at, problem);
}
