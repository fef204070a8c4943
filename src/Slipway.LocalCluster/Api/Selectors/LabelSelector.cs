using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Api.Selectors;

/// <summary>
/// A label selector as the API server parses <c>?labelSelector=</c>: requirements joined by commas, each one of
/// <c>k=v</c>, <c>k==v</c>, <c>k!=v</c>, <c>k in (a,b)</c>, <c>k notin (a,b)</c>, <c>k</c> (exists) or <c>!k</c> (does not exist).
/// </summary>
internal sealed partial class LabelSelector
{
    private readonly List<Func<IReadOnlyDictionary<string, string>, bool>> _requirements;

    private LabelSelector(List<Func<IReadOnlyDictionary<string, string>, bool>> requirements)
    {
        _requirements = requirements;
    }

    public static LabelSelector Everything { get; } = new([]);

    public bool IsEverything => _requirements.Count == 0;

    public bool Matches(JsonObject obj)
    {
        if (_requirements.Count == 0)
        {
            return true;
        }

        IReadOnlyDictionary<string, string> labels = Meta.Labels(obj);
        foreach (Func<IReadOnlyDictionary<string, string>, bool> requirement in _requirements)
        {
            if (!requirement(labels))
            {
                return false;
            }
        }

        return true;
    }

    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var requirements = new List<Func<IReadOnlyDictionary<string, string>, bool>>();
        foreach (string part in SplitTopLevel(text))
        {
            requirements.Add(ParseRequirement(part.Trim(), text));
        }

        return new LabelSelector(requirements);
    }

    private static Func<IReadOnlyDictionary<string, string>, bool> ParseRequirement(string part, string text)
    {
        Match set = SetRequirement().Match(part);
        if (set.Success)
        {
            string key = set.Groups["key"].Value;
            HashSet<string> values = [.. set.Groups["values"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
            return set.Groups["op"].Value == "in"
                ? labels => labels.TryGetValue(key, out string? value) && values.Contains(value)
                : labels => !labels.TryGetValue(key, out string? value) || !values.Contains(value);
        }

        int notEquals = part.IndexOf("!=", StringComparison.Ordinal);
        if (notEquals > 0)
        {
            string key = Key(part[..notEquals], text);
            string expected = part[(notEquals + 2)..].Trim();
            return labels => !labels.TryGetValue(key, out string? value) || value != expected;
        }

        int equals = part.IndexOf('=', StringComparison.Ordinal);
        if (equals > 0)
        {
            string key = Key(part[..equals], text);
            string expected = part[(equals + 1)..].TrimStart('=').Trim();
            return labels => labels.TryGetValue(key, out string? value) && value == expected;
        }

        if (part.StartsWith('!'))
        {
            string key = Key(part[1..], text);
            return labels => !labels.ContainsKey(key);
        }

        string existsKey = Key(part, text);
        return labels => labels.ContainsKey(existsKey);
    }

    private static string Key(string key, string text)
    {
        key = key.Trim();
        return key.Length > 0 && KeyPattern().IsMatch(key)
            ? key
            : throw new StoreException(400, "BadRequest", $"unable to parse requirement: invalid label key \"{key}\" in selector \"{text}\"");
    }

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ',' when depth == 0:
                    yield return text[start..i];
                    start = i + 1;
                    break;
            }
        }

        yield return text[start..];
    }

    [GeneratedRegex(@"^(?<key>[A-Za-z0-9./_-]+)\s+(?<op>in|notin)\s*\((?<values>[^)]*)\)$")]
    private static partial Regex SetRequirement();

    [GeneratedRegex(@"^[A-Za-z0-9./_-]+$")]
    private static partial Regex KeyPattern();
}
