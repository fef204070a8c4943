namespace Slipway.Targets.Parameters;

/// <summary>
/// How the build parses and shows parameter types the engine does not know itself (e.g. <see cref="TimeSpan"/>
/// written <c>90s</c>), filled by <see cref="BuildBase.RegisterParameterTypes"/>. The engine knows strings, flags,
/// whole numbers, enums, paths and arrays of them, and has no grammar of its own for anything else.
/// </summary>
public sealed class ParameterTypeRegistry
{
    private readonly Dictionary<Type, ParameterTypeInfo> _types = [];

    /// <param name="name">Shown by <c>--help</c> (<c>--timeout &lt;duration&gt;</c>) and in errors (<c>'x' is not a duration</c>).</param>
    /// <param name="parse">Parses the text a user wrote.</param>
    /// <param name="format">Shows a default in <c>--help</c>.</param>
    /// <param name="examples">Shown after a bad value: <c>(write e.g. 90s, 5m, 1h30m)</c>.</param>
    /// <param name="pattern">A JSON-schema pattern for <c>.nuke/build.schema.json</c>, or null.</param>
    public ParameterTypeRegistry Add<T>(string name, ValueParser<T> parse, Func<T, string> format, string examples, string? pattern = null)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(format);
        _types[typeof(T)] = new ParameterTypeInfo(
            name,
            text => parse(text, out T value) ? value : null,
            value => format((T)value),
            $"{name} (write e.g. {examples})",
            pattern);
        return this;
    }

    internal ParameterTypeInfo? Find(Type type) => _types.GetValueOrDefault(type);

    /// <summary>A value as a user would write it: registered types through their formatter, flags as true/false, arrays comma-separated.</summary>
    internal string Format(object? value) => value switch
    {
        null => "none",
        _ when Find(value.GetType()) is { } registered => registered.Format(value),
        string[] array => array.Length == 0 ? "none" : string.Join(",", array),
        bool flag => flag ? "true" : "false",
        _ => value.ToString() ?? "none",
    };
}
