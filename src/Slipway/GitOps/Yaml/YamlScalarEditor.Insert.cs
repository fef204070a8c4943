using System.Text;
using Slipway.Yaml;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Slipway.GitOps.Yaml;

public static partial class YamlScalarEditor
{
    /// <summary>
    /// Inserts the keys of the <paramref name="change"/>'s path from segment <paramref name="from"/> on, under
    /// <paramref name="parent"/>, the last with the change's value: new lines after the parent's last entry, indented like
    /// its keys, nested two spaces per level. Only block mappings take insertions; a selector cannot be created.
    /// </summary>
    private static string Insert(string yaml, YamlMappingNode parent, int from, YamlScalarChange change, string sourceName)
    {
        YamlPath path = change.Path;
        string missing = YamlPath.Of(path.Segments.Take(from + 1)).ToString();
        if (parent.Style == MappingStyle.Flow || parent.Children.Count == 0)
        {
            throw SlipwayException.Input($"{sourceName}:{parent.Start.Line}: {missing} is missing and its parent is a flow mapping ({{...}}); add the key by hand or delete the file so Slipway renders it again.");
        }

        if (path.Segments.Skip(from).Any(s => s.HasSelector))
        {
            throw SlipwayException.Input($"{sourceName}:{parent.Start.Line}: {missing} is missing; add it (a list item cannot be created), or delete the file so Slipway renders it again.");
        }

        int indent = (int)parent.Children.First().Key.Start.Column - 1;
        int position = EndOfLastLine(yaml, parent);
        var text = new StringBuilder();
        if (position > 0 && yaml[position - 1] != '\n')
        {
            text.Append('\n');
        }

        for (int i = from; i < path.Segments.Count; i++)
        {
            text.Append(' ', indent + (2 * (i - from))).Append(YamlScalarText.String(path.Segments[i].Key)).Append(':');
            if (i == path.Segments.Count - 1)
            {
                text.Append(' ').Append(YamlScalarText.Format(change.Value, YamlDotNet.Core.ScalarStyle.Plain, change.Kind));
            }

            text.Append('\n');
        }

        return yaml.Insert(position, text.ToString());
    }

    /// <summary>The index just after the line on which <paramref name="node"/> (the last entry of a block collection) ends.</summary>
    internal static int EndOfLastLine(string yaml, YamlNode node)
    {
        while (true)
        {
            switch (node)
            {
                case YamlMappingNode { Style: not MappingStyle.Flow } mapping when mapping.Children.Count > 0:
                    KeyValuePair<YamlNode, YamlNode> last = mapping.Children.Last();
                    node = last.Value is YamlScalarNode { Value.Length: 0, Style: YamlDotNet.Core.ScalarStyle.Plain } ? last.Key : last.Value;
                    continue;
                case YamlSequenceNode { Style: not SequenceStyle.Flow } sequence when sequence.Children.Count > 0:
                    node = sequence.Children[^1];
                    continue;
            }

            int end = (int)node.End.Index;
            if (end > 0 && yaml[end - 1] == '\n')
            {
                return end;
            }

            int newline = yaml.IndexOf('\n', end);
            return newline < 0 ? yaml.Length : newline + 1;
        }
    }
}
