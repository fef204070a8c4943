using System.Text;
using NuGet.Versioning;
using Slipway.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Slipway.Freezing.Charts;

/// <summary>
/// A Helm chart repository index (<c>index.yaml</c>, <c>apiVersion: v1</c>): for each chart name, its versions with
/// appVersion, created, digest and urls. Read strictly enough that a broken file is reported with its line, written in
/// the layout <c>helm repo index</c> writes (entries sorted by name, newest version first).
/// </summary>
public sealed class ChartIndex
{
    private readonly SortedDictionary<string, List<ChartEntry>> _entries;

    private ChartIndex(string apiVersion, string? generated, SortedDictionary<string, List<ChartEntry>> entries)
    {
        ApiVersion = apiVersion;
        Generated = generated;
        _entries = entries;
    }

    public string ApiVersion { get; }

    public string? Generated { get; private set; }

    public IReadOnlyCollection<string> Charts => _entries.Keys;

    public static ChartIndex Empty() => new("v1", null, new SortedDictionary<string, List<ChartEntry>>(StringComparer.Ordinal));

    /// <summary>The versions of <paramref name="chart"/>, newest first; null when the index has no such chart.</summary>
    public IReadOnlyList<ChartEntry>? Versions(string chart) => _entries.TryGetValue(chart, out List<ChartEntry>? versions) ? versions : null;

    /// <exception cref="ChartIndexException">Not YAML, or not an index: names <paramref name="file"/> and the line.</exception>
    public static ChartIndex Parse(string text, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException invalid)
        {
            throw new ChartIndexException(file, invalid.Start.Line, $"not valid YAML: {invalid.Message}", invalid);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ChartIndexException(file, 1, "an index must be a mapping with apiVersion and entries");
        }

        string apiVersion = Scalar(root, "apiVersion", file) ?? throw new ChartIndexException(file, root.Start.Line, "no API version specified (apiVersion: v1)");
        var entries = new SortedDictionary<string, List<ChartEntry>>(StringComparer.Ordinal);
        if (Child(root, "entries") is YamlNode node)
        {
            if (node is not YamlMappingNode charts)
            {
                throw new ChartIndexException(file, node.Start.Line, "entries must be a mapping of chart name to a list of versions");
            }

            foreach ((YamlNode key, YamlNode value) in charts.Children)
            {
                string name = ((YamlScalarNode)key).Value ?? string.Empty;
                if (value is not YamlSequenceNode list)
                {
                    throw new ChartIndexException(file, value.Start.Line, $"entries.{name} must be a list of chart versions");
                }

                entries[name] = [.. list.Children.Select(v => Entry(name, v, file)).OrderByDescending(e => Sortable(e.Version))];
            }
        }

        return new ChartIndex(apiVersion, Scalar(root, "generated", file), entries);
    }

    /// <summary>Adds (or replaces) one version.</summary>
    public void Add(ChartEntry entry, string generated)
    {
        if (!_entries.TryGetValue(entry.Name, out List<ChartEntry>? versions))
        {
            _entries[entry.Name] = versions = [];
        }

        versions.RemoveAll(e => e.Version == entry.Version);
        versions.Add(entry);
        versions.Sort((a, b) => Sortable(b.Version).CompareTo(Sortable(a.Version)));
        Generated = generated;
    }

    public string Write(string? header = null)
    {
        var yaml = new StringBuilder(header);
        yaml.Append("apiVersion: ").Append(ApiVersion).Append('\n').Append("entries:\n");
        foreach ((string name, List<ChartEntry> versions) in _entries)
        {
            yaml.Append("  ").Append(name).Append(":\n");
            foreach (ChartEntry e in versions)
            {
                yaml.Append("  - apiVersion: v2\n");
                Line(yaml, "appVersion", e.AppVersion);
                Line(yaml, "created", e.Created);
                Line(yaml, "digest", e.Digest);
                Line(yaml, "name", e.Name);
                yaml.Append("    urls:\n");
                foreach (string url in e.Urls)
                {
                    yaml.Append("    - ").Append(Quote(url)).Append('\n');
                }

                Line(yaml, "version", e.Version);
            }
        }

        Line(yaml, "generated", Generated, indent: string.Empty);
        return yaml.ToString();
    }

    private static SemanticVersion Sortable(string version) => HelmVersion.TryParse(version, out SemanticVersion v) ? v : new SemanticVersion(0, 0, 0);

    private static ChartEntry Entry(string name, YamlNode node, string file)
    {
        if (node is not YamlMappingNode entry)
        {
            throw new ChartIndexException(file, node.Start.Line, $"entries.{name}: each version must be a mapping (version, appVersion, created, digest, urls)");
        }

        string version = Scalar(entry, "version", file) ?? throw new ChartIndexException(file, entry.Start.Line, $"entries.{name}: a chart version has no version");
        if (!HelmVersion.TryParse(version, out _))
        {
            throw new ChartIndexException(file, Child(entry, "version")!.Start.Line, $"entries.{name}: version '{version}' is not a semantic version");
        }

        List<string> urls = Child(entry, "urls") switch
        {
            null => [],
            YamlSequenceNode list => [.. list.Children.Select(u => (u as YamlScalarNode)?.Value ?? throw new ChartIndexException(file, u.Start.Line, $"entries.{name}: urls must be strings"))],
            YamlNode other => throw new ChartIndexException(file, other.Start.Line, $"entries.{name}: urls must be a list"),
        };
        string? entryName = Scalar(entry, "name", file);
        if (entryName is not null && entryName != name)
        {
            throw new ChartIndexException(file, Child(entry, "name")!.Start.Line, $"entries.{name}: version {version} is named '{entryName}'");
        }

        return new ChartEntry(name, version, Scalar(entry, "appVersion", file), Scalar(entry, "created", file), Scalar(entry, "digest", file), urls);
    }

    private static YamlNode? Child(YamlMappingNode mapping, string key)
        => mapping.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? value) ? value : null;

    private static string? Scalar(YamlMappingNode mapping, string key, string file) => Child(mapping, key) switch
    {
        null => null,
        YamlScalarNode scalar => scalar.Value,
        YamlNode other => throw new ChartIndexException(file, other.Start.Line, $"{key} must be a single value"),
    };

    private static void Line(StringBuilder yaml, string key, string? value, string indent = "    ")
    {
        if (value is not null)
        {
            yaml.Append(indent).Append(key).Append(": ").Append(Quote(value)).Append('\n');
        }
    }

    private static string Quote(string value)
        => value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' || c is '-' || c is '_' || c is '/' || c is ':' || c is '+') && !value.Contains(": ", StringComparison.Ordinal) && char.IsAsciiLetter(value[0])
            ? value
            : YamlScalarText.DoubleQuoted(value);
}
