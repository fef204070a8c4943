using System.Collections;

namespace Slipway.Ci;

/// <summary>
/// An ordered YAML mapping for the CI writers: keys keep the order they were added in, so the output is the same on
/// every run. Values are <see cref="string"/>, <see cref="bool"/>, <see cref="int"/>, another <see cref="CiYamlMap"/>
/// or a list of those; a null value leaves the key out.
/// </summary>
public sealed class CiYamlMap : IEnumerable<KeyValuePair<string, object>>
{
    private readonly List<KeyValuePair<string, object>> _entries = [];

    public int Count => _entries.Count;

    public object? this[string key]
    {
        get => _entries.FirstOrDefault(e => e.Key == key).Value;
        set => Add(key, value);
    }

    /// <summary>Adds <paramref name="key"/> (ignored when <paramref name="value"/> is null); a key added twice is a bug of the writer.</summary>
    public void Add(string key, object? value)
    {
        if (value is null)
        {
            return;
        }

        if (_entries.Any(e => e.Key == key))
        {
            throw new InvalidOperationException($"The key '{key}' is written twice.");
        }

        _entries.Add(new KeyValuePair<string, object>(key, value));
    }

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
