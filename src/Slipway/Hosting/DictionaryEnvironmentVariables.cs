namespace Slipway.Hosting;

/// <summary>A fixed set of environment variables, for tests.</summary>
public sealed class DictionaryEnvironmentVariables : IEnvironmentVariables
{
    private readonly Dictionary<string, string> _values;

    public DictionaryEnvironmentVariables(IEnumerable<KeyValuePair<string, string>>? values = null)
    {
        _values = new Dictionary<string, string>(values ?? [], StringComparer.Ordinal);
    }

    public string? Get(string name) => _values.TryGetValue(name, out string? value) ? value : null;

    public IReadOnlyDictionary<string, string> GetAll() => _values;
}
