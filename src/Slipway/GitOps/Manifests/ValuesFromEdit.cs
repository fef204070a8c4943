using System.Text;
using Slipway.GitOps.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Slipway.GitOps.Manifests;

/// <summary>
/// Keeps an existing HelmRelease file's secret values out of Git: removes each entry of <c>spec.values</c> that now comes from
/// the values Secret (an entry left empty by that goes too, since an empty mapping would be null and delete the chart's
/// defaults), and makes <c>spec.valuesFrom</c> list the Secret exactly when the release has one. Other lines stay as they are.
/// </summary>
internal static class ValuesFromEdit
{
    private const string Kind = "HelmRelease";

    public static string Apply(string yaml, PlatformRelease release, string sourceName)
    {
        foreach (YamlPath path in release.SecretPaths)
        {
            yaml = RemoveValue(yaml, path, sourceName);
        }

        string secret = ChartValueSecrets.SecretName(release.Name);
        return release.ValuesSecret is null ? RemoveReference(yaml, secret, sourceName) : EnsureReference(yaml, release.ValuesSecret, sourceName);
    }

    private static string RemoveValue(string yaml, YamlPath path, string sourceName)
    {
        YamlMappingNode? spec = Spec(yaml, sourceName);
        var chain = new List<(YamlMappingNode Parent, YamlScalarNode Key, YamlNode Value)>();
        YamlNode current = spec ?? (YamlNode)new YamlMappingNode();
        foreach (string key in new[] { "values" }.Concat(path.Segments.Select(static s => s.Key)))
        {
            if (current is not YamlMappingNode mapping || Entry(mapping, key) is not { } entry)
            {
                return yaml; // not written inline: nothing to remove
            }

            chain.Add((mapping, entry.Key, entry.Value));
            current = entry.Value;
        }

        // Remove the highest entry that would be left holding nothing but this value.
        int index = chain.Count - 1;
        while (index > 0 && chain[index].Parent.Children.Count == 1)
        {
            index--;
        }

        (YamlMappingNode parent, YamlScalarNode target, YamlNode value) = chain[index];
        if (parent.Style == MappingStyle.Flow)
        {
            throw SlipwayException.Input($"{sourceName}:{target.Start.Line}: spec.values.{path} holds a secret and must leave this file, but it is in a flow mapping ({{...}}); write the mapping as block YAML or delete the file so Slipway renders it again.");
        }

        return RemoveLines(yaml, target, value);
    }

    private static string EnsureReference(string yaml, string secret, string sourceName)
    {
        YamlMappingNode spec = Spec(yaml, sourceName) ?? throw SlipwayException.Input($"{sourceName}: no {Kind} with a spec mapping to add spec.valuesFrom to; fix the file or delete it so Slipway renders it again.");
        int indent = (int)spec.Children.First().Key.Start.Column - 1;
        if (Entry(spec, "valuesFrom") is not { } valuesFrom)
        {
            string block = new StringBuilder().Append(' ', indent).Append("valuesFrom:\n").Append(Item(secret, indent + 2)).ToString();
            return Insert(yaml, YamlScalarEditor.EndOfLastLine(yaml, spec), block);
        }

        if (valuesFrom.Value is not YamlSequenceNode { Style: not SequenceStyle.Flow } list || list.Children.Count == 0)
        {
            throw SlipwayException.Input($"{sourceName}:{valuesFrom.Key.Start.Line}: spec.valuesFrom must be a block list for Slipway to add its Secret '{secret}'; write it as one (- kind: Secret …) or delete the file so Slipway renders it again.");
        }

        if (list.Children.Any(item => IsReference(item, secret)))
        {
            return yaml;
        }

        int dash = (int)list.Children[0].Start.Column - 3;
        return Insert(yaml, YamlScalarEditor.EndOfLastLine(yaml, list), Item(secret, Math.Max(dash, 0)));
    }

    private static string RemoveReference(string yaml, string secret, string sourceName)
    {
        if (Spec(yaml, sourceName) is not { } spec || Entry(spec, "valuesFrom") is not { } valuesFrom
            || valuesFrom.Value is not YamlSequenceNode { Style: not SequenceStyle.Flow } list)
        {
            return yaml;
        }

        YamlNode? item = list.Children.FirstOrDefault(i => IsReference(i, secret));
        if (item is null)
        {
            return yaml;
        }

        return list.Children.Count == 1 ? RemoveLines(yaml, valuesFrom.Key, list) : RemoveLines(yaml, item, item);
    }

    private static string Item(string secret, int dash)
    {
        string pad = new(' ', dash);
        return $"{pad}- kind: Secret\n{pad}  name: {secret}\n{pad}  valuesKey: {ChartValueSecrets.ValuesKey}\n";
    }

    private static bool IsReference(YamlNode item, string secret)
        => item is YamlMappingNode mapping
            && Entry(mapping, "name") is { Value: YamlScalarNode { Value: var name } } && name == secret
            && (Entry(mapping, "kind") is not { Value: YamlScalarNode { Value: var kind } } || kind == "Secret");

    // From the start of the line of 'first' to the end of the line on which 'last' ends.
    private static string RemoveLines(string yaml, YamlNode first, YamlNode last)
    {
        int start = (int)first.Start.Index;
        start = start == 0 ? 0 : yaml.LastIndexOf('\n', start - 1) + 1;
        int end = YamlScalarEditor.EndOfLastLine(yaml, last);
        return string.Concat(yaml.AsSpan(0, start), yaml.AsSpan(end));
    }

    private static string Insert(string yaml, int position, string text)
        => position > 0 && yaml[position - 1] != '\n' ? yaml.Insert(position, "\n" + text) : yaml.Insert(position, text);

    private static YamlMappingNode? Spec(string yaml, string sourceName)
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

        YamlMappingNode? release = stream.Documents.Select(static d => d.RootNode).OfType<YamlMappingNode>()
            .FirstOrDefault(static d => Entry(d, "kind") is { Value: YamlScalarNode { Value: Kind } });
        return release is not null && Entry(release, "spec") is { Value: YamlMappingNode { Style: not MappingStyle.Flow } spec } && spec.Children.Count > 0 ? spec : null;
    }

    private static (YamlScalarNode Key, YamlNode Value)? Entry(YamlMappingNode mapping, string key)
    {
        foreach (KeyValuePair<YamlNode, YamlNode> entry in mapping.Children)
        {
            if (entry.Key is YamlScalarNode scalar && scalar.Value == key)
            {
                return (scalar, entry.Value);
            }
        }

        return null;
    }
}
