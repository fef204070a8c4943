namespace Slipway.Environments.Yaml;

/// <summary>
/// One key of a mapping. <see cref="Previous"/> is the entry this one overrode in an earlier layer (null when the key
/// is first set here), so the whole override chain of a value can be shown.
/// </summary>
public sealed class ConfigEntry
{
    public ConfigEntry(string key, SourceLocation keyLocation, ConfigNode value, ConfigEntry? previous = null)
    {
        Key = key;
        KeyLocation = keyLocation;
        Value = value;
        Previous = previous;
    }

    public string Key { get; }

    public SourceLocation KeyLocation { get; }

    public ConfigNode Value { get; }

    public ConfigEntry? Previous { get; }

    /// <summary>This entry and the ones it overrode, newest first.</summary>
    public IEnumerable<ConfigEntry> Chain()
    {
        for (ConfigEntry? entry = this; entry is not null; entry = entry.Previous)
        {
            yield return entry;
        }
    }
}
