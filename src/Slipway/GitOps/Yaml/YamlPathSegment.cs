namespace Slipway.GitOps.Yaml;

/// <summary>
/// One step of a <see cref="YamlPath"/>: a mapping key, optionally followed by a selector that picks the
/// item of the sequence under that key whose <see cref="SelectField"/> equals <see cref="SelectValue"/>.
/// </summary>
public sealed record YamlPathSegment(string Key, string? SelectField = null, string? SelectValue = null)
{
    public bool HasSelector => SelectField is not null;

    public override string ToString() => HasSelector ? $"{Key}[{SelectField}={SelectValue}]" : Key;
}
