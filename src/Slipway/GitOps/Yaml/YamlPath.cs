using System.Text;

namespace Slipway.GitOps.Yaml;

/// <summary>
/// A path to a node in a YAML document: mapping keys separated by dots, and sequence items picked by
/// a field value in brackets, e.g. <c>spec.values.image.tag</c> or
/// <c>spec.source.helm.parameters[name=image.tag].value</c>. Keys that contain dots are built from segments.
/// </summary>
public sealed class YamlPath
{
    private YamlPath(IReadOnlyList<YamlPathSegment> segments)
    {
        Segments = segments;
    }

    public IReadOnlyList<YamlPathSegment> Segments { get; }

    public static YamlPath Of(params string[] keys) => new(keys.Select(k => new YamlPathSegment(k)).ToArray());

    public static YamlPath Of(IEnumerable<YamlPathSegment> segments) => new(segments.ToArray());

    public YamlPath Append(string key) => new([.. Segments, new YamlPathSegment(key)]);

    public static YamlPath Parse(string path)
    {
        var segments = new List<YamlPathSegment>();
        var key = new StringBuilder();
        int i = 0;
        while (i < path.Length)
        {
            char c = path[i];
            if (c == '.')
            {
                AddKey(path, key, segments);
                i++;
            }
            else if (c == '[')
            {
                int close = path.IndexOf(']', i);
                int equals = close < 0 ? -1 : path.IndexOf('=', i, close - i);
                if (close < 0 || equals < 0)
                {
                    throw new ArgumentException($"YAML path '{path}': a selector is written [field=value].", nameof(path));
                }

                string selectField = path[(i + 1)..equals];
                string selectValue = path[(equals + 1)..close];
                segments.Add(new YamlPathSegment(key.ToString(), selectField, selectValue));
                key.Clear();
                i = close + 1;
                if (i < path.Length && path[i] == '.')
                {
                    i++;
                }
            }
            else
            {
                key.Append(c);
                i++;
            }
        }

        if (key.Length > 0)
        {
            AddKey(path, key, segments);
        }

        if (segments.Count == 0)
        {
            throw new ArgumentException("A YAML path needs at least one key.", nameof(path));
        }

        return new YamlPath(segments);
    }

    public override string ToString() => string.Join('.', Segments.Select(s => s.ToString()));

    private static void AddKey(string path, StringBuilder key, List<YamlPathSegment> segments)
    {
        if (key.Length == 0)
        {
            throw new ArgumentException($"YAML path '{path}' has an empty key.", nameof(path));
        }

        segments.Add(new YamlPathSegment(key.ToString()));
        key.Clear();
    }
}
