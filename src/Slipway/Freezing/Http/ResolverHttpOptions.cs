namespace Slipway.Freezing.Http;

/// <summary>
/// How patiently the resolvers ask: <paramref name="RequestTimeout"/> bounds each attempt (on top of the
/// <see cref="HttpClient.Timeout"/> of the client they were given), <paramref name="Attempts"/> counts the tries of a
/// <c>GET</c> or <c>HEAD</c> that met a transient fault (a dropped connection, a timeout, 408, 429, 5xx).
/// </summary>
public sealed record ResolverHttpOptions(TimeSpan RequestTimeout, int Attempts)
{
    public static ResolverHttpOptions Default { get; } = new(TimeSpan.FromSeconds(30), 3);
}
