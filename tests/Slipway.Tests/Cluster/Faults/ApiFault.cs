using System.Net;

namespace Slipway.Tests.Cluster.Faults;

/// <summary>
/// One fault the <see cref="FaultProxy"/> injects: for requests matching <see cref="Method"/> and a path fragment, answer
/// <see cref="Status"/> (with a Kubernetes <c>Status</c> body and, for 429/503, <see cref="RetryAfter"/>) or, with
/// <see cref="Delay"/>, hold the request that long before forwarding it — for the first <see cref="Times"/> matches.
/// </summary>
public sealed record ApiFault(string Method, string PathContains)
{
    /// <summary>How many matching requests get the fault; after that they pass through. <see cref="int.MaxValue"/>: all.</summary>
    public int Times { get; init; } = int.MaxValue;

    public HttpStatusCode? Status { get; init; }

    public int? RetryAfter { get; init; }

    public TimeSpan Delay { get; init; }

    public string Message { get; init; } = "injected fault";

    public static ApiFault Answer(string method, string pathContains, HttpStatusCode status, int times = int.MaxValue)
        => new(method, pathContains) { Status = status, Times = times };

    public bool Matches(string method, string path)
        => (Method == "*" || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)) && path.Contains(PathContains, StringComparison.Ordinal);
}
