using System.Text;
using NuGet.Versioning;
using Slipway.Yaml;

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
        (string apiVersion, string? generated, SortedDictionary<string, List<ChartEntry>> entries) = ChartIndexReader.Read(text, file);
        return new ChartIndex(apiVersion, generated, entries);
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
