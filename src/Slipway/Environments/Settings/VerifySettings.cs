namespace Slipway.Environments.Settings;

/// <summary><c>verify</c>: timeout default 5m, interval default 5s, extra endpoints to probe.</summary>
public sealed record VerifySettings(TimeSpan Timeout, TimeSpan Interval, IReadOnlyList<string> Endpoints);
