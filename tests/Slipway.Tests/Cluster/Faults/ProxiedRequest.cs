namespace Slipway.Tests.Cluster.Faults;

/// <summary>One request the proxy saw: method, path and query, the status it was answered, and when it arrived (since the proxy started).</summary>
public sealed record ProxiedRequest(string Method, string Path, int Status, TimeSpan ArrivedAt);
