using Slipway.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Slipway.GitOps.Yaml;

/// <summary>
/// Reads and changes one scalar of a YAML text without re-serialising it: the scalar is located with the
/// start/end marks YamlDotNet's parser gives every node, and only that span of characters is replaced.
/// Every comment, key order, blank line and the quoting style (plain, single or double quoted, in block or
/// flow collections) survive byte for byte. A missing key is inserted under its nearest existing parent
/// block mapping with that mapping's indentation (see <see cref="Insert"/>); a flow-style parent, a
/// sequence selector that matches nothing, or a block scalar (<c>|</c>, <c>&gt;</c>) is an input error.
/// </summary>
public static partial class YamlScalarEditor
{
    /// <summary>The value at <paramref name="path"/>, or null when the path or document is absent or not a scalar.</summary>
    public static string? GetScalar(string yaml, string path, string? documentKind = null, string sourceName = "YAML")
        => GetScalar(yaml, YamlPath.Parse(path), documentKind, sourceName);

    public static string? GetScalar(string yaml, YamlPath path, string? documentKind = null, string sourceName = "YAML")
        => GetScalar(Load(yaml, sourceName), path, documentKind);

    /// <summary>Several values of one text, parsed once; null for each path that is absent or not a scalar.</summary>
    public static string?[] GetScalars(string yaml, IReadOnlyList<YamlPath> paths, string? documentKind = null, string sourceName = "YAML")
    {
        YamlStream stream = Load(yaml, sourceName);
        return paths.Select(path => GetScalar(stream, path, documentKind)).ToArray();
    }

    private static string? GetScalar(YamlStream stream, YamlPath path, string? documentKind)
    {
        YamlDocument? document = FindDocument(stream, documentKind, path);
        if (document is null)
        {
            return null;
        }

        YamlNode? current = document.RootNode;
        foreach (YamlPathSegment segment in path.Segments)
        {
            if (current is not YamlMappingNode mapping || !TryGetEntry(mapping, segment.Key, out _, out YamlNode? value))
            {
                return null;
            }

            current = segment.HasSelector ? SelectItem(value, segment) : value;
        }

        return current is YamlScalarNode scalar ? scalar.Value : null;
    }

    /// <summary>Sets the scalar at <paramref name="path"/> to <paramref name="value"/>; returns the text unchanged when it already holds it.</summary>
    public static string SetScalar(string yaml, string path, string value, YamlValueKind kind = YamlValueKind.String, string? documentKind = null, string sourceName = "YAML")
        => SetScalar(yaml, YamlPath.Parse(path), value, kind, documentKind, sourceName);

    public static string SetScalar(string yaml, YamlPath path, string value, YamlValueKind kind = YamlValueKind.String, string? documentKind = null, string sourceName = "YAML")
        => SetScalars(yaml, [new YamlScalarChange(path, value, kind, documentKind)], sourceName);

    /// <summary>
    /// Sets several scalars. When they all exist the text is parsed once and every span is replaced from the
    /// end backwards; when one must be inserted the changes are applied one at a time.
    /// </summary>
    public static string SetScalars(string yaml, IReadOnlyList<YamlScalarChange> changes, string sourceName = "YAML")
    {
        YamlStream stream = Load(yaml, sourceName);
        var splices = new List<(int Start, int End, string Text)>(changes.Count);
        foreach (YamlScalarChange change in changes)
        {
            Located located = Locate(stream, change, sourceName);
            if (located.Scalar is null)
            {
                return changes.Aggregate(yaml, (text, one) => SetOne(text, one, sourceName));
            }

            if (SpliceFor(yaml, located.Key!, located.Scalar, change, sourceName) is { } splice)
            {
                splices.Add(splice);
            }
        }

        splices.Sort((a, b) => b.Start.CompareTo(a.Start));
        for (int i = 1; i < splices.Count; i++)
        {
            if (splices[i].End > splices[i - 1].Start)
            {
                return changes.Aggregate(yaml, (text, one) => SetOne(text, one, sourceName));
            }
        }

        string result = yaml;
        foreach ((int start, int end, string text) in splices)
        {
            result = string.Concat(result.AsSpan(0, start), text, result.AsSpan(end));
        }

        return result;
    }

    private static string SetOne(string yaml, YamlScalarChange change, string sourceName)
    {
        Located located = Locate(Load(yaml, sourceName), change, sourceName);
        if (located.Scalar is null)
        {
            return Insert(yaml, located.MissingParent!, located.MissingDepth, change, sourceName);
        }

        return SpliceFor(yaml, located.Key!, located.Scalar, change, sourceName) is (int start, int end, string text)
            ? string.Concat(yaml.AsSpan(0, start), text, yaml.AsSpan(end))
            : yaml;
    }

    private static Located Locate(YamlStream stream, YamlScalarChange change, string sourceName)
    {
        YamlPath path = change.Path;
        YamlDocument document = FindDocument(stream, change.DocumentKind, path)
            ?? throw SlipwayException.Input($"{sourceName}: no YAML document {(change.DocumentKind is null ? "with a mapping at its root" : $"of kind {change.DocumentKind}")} to set {path} in; fix the file or delete it so Slipway renders it again.");

        YamlNode current = document.RootNode;
        YamlScalarNode? key = null;
        for (int i = 0; i < path.Segments.Count; i++)
        {
            YamlPathSegment segment = path.Segments[i];
            if (current is not YamlMappingNode mapping)
            {
                throw NotA("mapping", current, path, i, sourceName);
            }

            if (!TryGetEntry(mapping, segment.Key, out key, out YamlNode? child))
            {
                return new Located(mapping, i, null, null);
            }

            current = child;
            if (segment.HasSelector)
            {
                current = SelectItem(child, segment) ?? throw SlipwayException.Input(
                    $"{sourceName}:{Line(child)}: no item of {segment.Key} has {segment.SelectField}: {segment.SelectValue}; add it, or delete the file so Slipway renders it again.");
            }
        }

        return current is YamlScalarNode scalar
            ? new Located(null, 0, key, scalar)
            : throw NotA("scalar", current, path, path.Segments.Count, sourceName);
    }

    // The span to replace and its new text, or null when the scalar already holds the value.
    private static (int Start, int End, string Text)? SpliceFor(string yaml, YamlScalarNode key, YamlScalarNode scalar, YamlScalarChange change, string sourceName)
    {
        if (scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded)
        {
            throw SlipwayException.Input($"{sourceName}:{Line(scalar)}: {change.Path} is a block scalar (| or >); write it as a plain or quoted scalar so Slipway can change it.");
        }

        bool plainReadsBack = change.Kind == YamlValueKind.Literal || scalar.Style != ScalarStyle.Plain || YamlScalarText.IsSafePlainString(change.Value);
        if (scalar.Value == change.Value && plainReadsBack)
        {
            return null;
        }

        string text = YamlScalarText.Format(change.Value, scalar.Style, change.Kind);
        if (scalar.Style == ScalarStyle.Plain && string.IsNullOrEmpty(scalar.Value))
        {
            // An empty value ("tag:") has no span of its own: write it right after the key's colon.
            int colon = yaml.IndexOf(':', (int)key.End.Index);
            return (colon + 1, colon + 1, " " + text);
        }

        return ((int)scalar.Start.Index, (int)scalar.End.Index, text);
    }

    private readonly record struct Located(YamlMappingNode? MissingParent, int MissingDepth, YamlScalarNode? Key, YamlScalarNode? Scalar);

    private static YamlStream Load(string yaml, string sourceName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw SlipwayException.Input($"{sourceName}:{e.Start.Line}: not valid YAML ({e.Message}); fix the file or delete it so Slipway renders it again.");
        }

        return stream;
    }

    private static YamlDocument? FindDocument(YamlStream stream, string? documentKind, YamlPath path)
    {
        IEnumerable<YamlDocument> mappings = stream.Documents.Where(d => d.RootNode is YamlMappingNode);
        if (documentKind is not null)
        {
            // "Kind" or "Kind/name" (metadata.name) when a file holds several documents of one kind.
            int slash = documentKind.IndexOf('/');
            string kindName = slash < 0 ? documentKind : documentKind[..slash];
            string? name = slash < 0 ? null : documentKind[(slash + 1)..];
            return mappings.FirstOrDefault(d => HasScalar(d.RootNode, "kind", kindName) && (name is null || HasName(d.RootNode, name)));
        }

        return mappings.FirstOrDefault(d => TryGetEntry((YamlMappingNode)d.RootNode, path.Segments[0].Key, out _, out _))
            ?? mappings.FirstOrDefault();
    }

    private static bool HasScalar(YamlNode node, string key, string value)
        => node is YamlMappingNode mapping && TryGetEntry(mapping, key, out _, out YamlNode? found) && found is YamlScalarNode { Value: var v } && v == value;

    private static bool HasName(YamlNode root, string name)
        => root is YamlMappingNode mapping && TryGetEntry(mapping, "metadata", out _, out YamlNode? metadata) && HasScalar(metadata, "name", name);

    private static bool TryGetEntry(YamlMappingNode mapping, string key, out YamlScalarNode? keyNode, out YamlNode value)
    {
        foreach (KeyValuePair<YamlNode, YamlNode> entry in mapping.Children)
        {
            if (entry.Key is YamlScalarNode scalar && scalar.Value == key)
            {
                keyNode = scalar;
                value = entry.Value;
                return true;
            }
        }

        keyNode = null;
        value = null!;
        return false;
    }

    private static YamlNode? SelectItem(YamlNode node, YamlPathSegment segment)
        => node is YamlSequenceNode sequence
            ? sequence.Children.OfType<YamlMappingNode>().FirstOrDefault(item =>
                TryGetEntry(item, segment.SelectField!, out _, out YamlNode? field) && field is YamlScalarNode { Value: var v } && v == segment.SelectValue)
            : null;

    private static SlipwayException NotA(string what, YamlNode node, YamlPath path, int depth, string sourceName)
    {
        string at = depth == 0 ? "the document root" : YamlPath.Of(path.Segments.Take(depth)).ToString();
        string actual = node switch
        {
            YamlMappingNode => "a mapping",
            YamlSequenceNode => "a sequence",
            _ => "a scalar",
        };
        return SlipwayException.Input($"{sourceName}:{Line(node)}: {at} is {actual}, not a {what}, so {path} cannot be set; fix the file or delete it so Slipway renders it again.");
    }

    private static long Line(YamlNode node) => node.Start.Line;
}
