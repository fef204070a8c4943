namespace Slipway.Environments.Settings;

/// <summary>
/// <c>platform.releases.&lt;name&gt;</c>: a Helm release. <see cref="Values"/> is a plain nested object:
/// dictionaries (string keys), lists, strings, bools, longs, doubles and nulls, ready to serialize.
/// </summary>
public sealed record ReleaseSettings(
    string Name,
    string Chart,
    string Repository,
    string Version,
    string Namespace,
    IReadOnlyDictionary<string, object?> Values);
