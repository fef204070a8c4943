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
    {
        YamlDocument? document = FindDocument(Load(yaml, sourceName), documentKind, path);
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
    {
        YamlDocument document = FindDocument(Load(yaml, sourceName), documentKind, path)
            ?? throw SlipwayException.Input($"{sourceName}: no YAML document {(documentKind is null ? "with a mapping at its root" : $"of kind {documentKind}")} to set {path} in; fix the file or delete it so Slipway renders it again.");

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
                return Insert(yaml, mapping, path, i, value, kind, sourceName);
            }

            current = child;
            if (segment.HasSelector)
            {
                current = SelectItem(child, segment) ?? throw SlipwayException.Input(
                    $"{sourceName}:{Line(child)}: no item of {segment.Key} has {segment.SelectField}: {segment.SelectValue}; add it, or delete the file so Slipway renders it again.");
            }
        }

        if (current is not YamlScalarNode scalar)
        {
            throw NotA("scalar", current, path, path.Segments.Count, sourceName);
        }

        return Splice(yaml, key!, scalar, value, kind, path, sourceName);
    }

    private static string Splice(string yaml, YamlScalarNode key, YamlScalarNode scalar, string value, YamlValueKind kind, YamlPath path, string sourceName)
    {
        if (scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded)
        {
            throw SlipwayException.Input($"{sourceName}:{Line(scalar)}: {path} is a block scalar (| or >); write it as a plain or quoted scalar so Slipway can change it.");
        }

        bool plainReadsBack = kind == YamlValueKind.Literal || scalar.Style != ScalarStyle.Plain || YamlScalarText.IsSafePlainString(value);
        if (scalar.Value == value && plainReadsBack)
        {
            return yaml;
        }

        string text = YamlScalarText.Format(value, scalar.Style, kind);
        int start = (int)scalar.Start.Index;
        int end = (int)scalar.End.Index;
        if (scalar.Style == ScalarStyle.Plain && string.IsNullOrEmpty(scalar.Value))
        {
            // An empty value ("tag:") has no span of its own: write it right after the key's colon.
            int colon = yaml.IndexOf(':', (int)key.End.Index);
            return string.Concat(yaml.AsSpan(0, colon + 1), " ", text, yaml.AsSpan(colon + 1));
        }

        return string.Concat(yaml.AsSpan(0, start), text, yaml.AsSpan(end));
    }

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
