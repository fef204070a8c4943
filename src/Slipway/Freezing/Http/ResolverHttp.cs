using System.Net;
using Polly;
using Polly.Retry;

namespace Slipway.Freezing.Http;

/// <summary>
/// The one way the resolvers speak HTTP: each attempt bounded by <see cref="ResolverHttpOptions.RequestTimeout"/>, a
/// <c>GET</c> or <c>HEAD</c> tried again (exponential backoff with jitter) after a transient fault, and a repository or
/// registry that cannot be reached turned into a <see cref="FailureKind.Failed"/> error naming the URL. Any answer the
/// server gave (404, 401, a 5xx after the last try) is returned for the caller to judge.
/// </summary>
internal sealed class ResolverHttp
{
    private readonly HttpClient _client;
    private readonly ResolverHttpOptions _options;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;

    public ResolverHttp(HttpClient client, ResolverHttpOptions options, ILog log)
    {
        _client = client;
        _options = options;
        _retry = options.Attempts <= 1
            ? ResiliencePipeline<HttpResponseMessage>.Empty
            : new ResiliencePipelineBuilder<HttpResponseMessage>()
                .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                {
                    MaxRetryAttempts = options.Attempts - 1,
                    BackoffType = DelayBackoffType.Exponential,
                    Delay = TimeSpan.FromMilliseconds(200),
                    UseJitter = true,
                    ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                        .Handle<HttpRequestException>()
                        .Handle<TimeoutException>()
                        .HandleResult(static r => IsTransient(r.StatusCode)),
                    OnRetry = args =>
                    {
                        string answer = args.Outcome.Result is { } response ? $"{(int)response.StatusCode} {response.ReasonPhrase}" : args.Outcome.Exception?.Message ?? "no answer";
                        args.Outcome.Result?.Dispose();
                        log.Warning($"No answer yet ({answer}); trying again in {args.RetryDelay.TotalSeconds:0.0#}s (attempt {args.AttemptNumber + 2} of {options.Attempts}).");
                        return ValueTask.CompletedTask;
                    },
                })
                .Build();
    }

    /// <summary>
    /// Sends <paramref name="method"/> <paramref name="url"/> (headers added by <paramref name="configure"/>, once per attempt) and
    /// returns the server's last answer, its body read. Only <c>GET</c> and <c>HEAD</c> are tried again.
    /// </summary>
    /// <param name="what">What is asked, for the error: <c>the chart repository</c>, <c>the registry</c>.</param>
    /// <exception cref="SlipwayException"><see cref="FailureKind.Failed"/>: no answer from <paramref name="what"/> at <paramref name="url"/>.</exception>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri url, Action<HttpRequestMessage>? configure, string what, CancellationToken cancellationToken)
    {
        ResiliencePipeline<HttpResponseMessage> pipeline = method == HttpMethod.Get || method == HttpMethod.Head ? _retry : ResiliencePipeline<HttpResponseMessage>.Empty;
        try
        {
            return await pipeline.ExecuteAsync(
                async token =>
                {
                    using var request = new HttpRequestMessage(method, url);
                    configure?.Invoke(request);
                    return await SendOnceAsync(request, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            throw SlipwayException.Failed($"Could not reach {what} at {url}: {ex.Message}", ex);
        }
    }

    /// <summary>A <see cref="FailureKind.Failed"/> error for an answer that is neither the thing asked for nor bad input (a 5xx, say).</summary>
    public static SlipwayException Unexpected(HttpResponseMessage response, string what)
        => SlipwayException.Failed($"{what} at {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode} {response.ReasonPhrase}.");

    private async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(_options.RequestTimeout);
        try
        {
            return await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, attempt.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException timedOut) when (!cancellationToken.IsCancellationRequested)
        {
            TimeSpan limit = _options.RequestTimeout < _client.Timeout ? _options.RequestTimeout : _client.Timeout;
            throw new TimeoutException($"no answer within {limit.TotalSeconds:0.#}s", timedOut);
        }
    }

    private static bool IsTransient(HttpStatusCode status)
        => (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
}
