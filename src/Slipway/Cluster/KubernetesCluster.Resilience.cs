using System.Globalization;
using System.Net;
using k8s.Autorest;
using Polly;
using Polly.Retry;

namespace Slipway.Cluster;

// Which calls are tried again, how long the next try waits, and what the log says about it.
public sealed partial class KubernetesCluster
{
    /// <summary>The longest wait a <c>Retry-After</c> header is honoured for; a server asking more gets this much.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(30);

    private static readonly ResiliencePropertyKey<string> s_call = new("slipway.cluster.call");

    /// <summary>
    /// A retry pipeline of <paramref name="attempts"/> tries for the calls <paramref name="shouldRetry"/> accepts: exponential
    /// backoff from 200 ms with jitter, except that a <c>Retry-After</c> the server sent (429, 503) is waited for as told, up to
    /// <see cref="MaxRetryAfter"/>. Each retry is logged as a warning naming the call, the answer and the wait.
    /// </summary>
    private static ResiliencePipeline RetryPipeline(int attempts, Func<Exception, bool> shouldRetry, ILog log)
        => attempts <= 1
            ? ResiliencePipeline.Empty // Polly refuses a retry strategy of zero retries: one attempt is a pipeline without one
            : new ResiliencePipelineBuilder()
                .AddRetry(new RetryStrategyOptions
                {
                    MaxRetryAttempts = attempts - 1,
                    BackoffType = DelayBackoffType.Exponential,
                    Delay = TimeSpan.FromMilliseconds(200),
                    UseJitter = true,
                    ShouldHandle = new PredicateBuilder().Handle<Exception>(shouldRetry),
                    DelayGenerator = static args => ValueTask.FromResult(RetryAfter(args.Outcome.Exception)),
                    OnRetry = args =>
                    {
                        string call = args.Context.Properties.GetValue(s_call, "call the API");
                        string answer = Answer(args.Outcome.Exception);
                        log.Warning($"The cluster API did not {call} ({answer}); trying again in {args.RetryDelay.TotalSeconds:0.0#}s (attempt {args.AttemptNumber + 2} of {attempts}).");
                        return ValueTask.CompletedTask;
                    },
                })
                .Build();

    /// <summary>Runs <paramref name="call"/> through <paramref name="pipeline"/>, naming it <paramref name="what"/> for the retry log.</summary>
    private static async Task<T> ExecuteAsync<T>(ResiliencePipeline pipeline, string what, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(s_call, what);
        try
        {
            return await pipeline.ExecuteAsync(static async (ctx, state) => await state(ctx.CancellationToken).ConfigureAwait(false), context, call).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Reads are safe to repeat: 5xx, 429, a dropped connection and a timeout are tried again.</summary>
    private static bool IsTransient(Exception ex) => ex switch
    {
        HttpOperationException http => (int)http.Response.StatusCode >= 500 || http.Response.StatusCode == HttpStatusCode.TooManyRequests,
        HttpRequestException => true,
        TaskCanceledException or TimeoutException => true,
        _ => false,
    };

    /// <summary>
    /// Writes Slipway makes are server-side applies and merge patches of fixed values (no resourceVersion), so repeating one that
    /// was refused is safe: 429 (the server did not process it) and 409 (it lost a race with another writer; the patch is applied
    /// again on the object as it is now). A 5xx or a timeout is not retried: the write may have happened, and the caller decides.
    /// </summary>
    private static bool IsRefusedWrite(Exception ex)
        => ex is HttpOperationException { Response.StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.Conflict };

    /// <summary>The wait a 429 or 503 asks for in <c>Retry-After</c> (seconds or an HTTP date), capped; null for the backoff.</summary>
    internal static TimeSpan? RetryAfter(Exception? ex)
    {
        if (ex is not HttpOperationException { Response: { } response }
            || response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
            || response.Headers is null)
        {
            return null;
        }

        string? value = response.Headers.FirstOrDefault(static h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        TimeSpan? wait = null;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int seconds))
        {
            wait = TimeSpan.FromSeconds(seconds);
        }
        else if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset at))
        {
            wait = at - DateTimeOffset.UtcNow;
        }

        return wait is null ? null : TimeSpan.FromTicks(Math.Clamp(wait.Value.Ticks, 0, MaxRetryAfter.Ticks));
    }

    /// <summary>What the API answered, for messages: <c>503 Service Unavailable: etcd is sad</c>, the connection error, or the timeout.</summary>
    private string Detail(Exception ex) => ex switch
    {
        HttpOperationException => Answer(ex),
        HttpRequestException request => request.Message,
        _ => $"no answer within {Target.RequestTimeout.TotalSeconds:0.#}s (the request timeout)",
    };

    private static string Answer(Exception? ex) => ex switch
    {
        HttpOperationException http when RetryAfter(ex) is { } wait
            => $"{(int)http.Response.StatusCode} {http.Response.ReasonPhrase}: {StatusMessage(http.Response.Content)}; Retry-After {wait.TotalSeconds:0.#}s",
        HttpOperationException http => $"{(int)http.Response.StatusCode} {http.Response.ReasonPhrase}: {StatusMessage(http.Response.Content)}",
        HttpRequestException request => request.Message,
        TaskCanceledException or TimeoutException => "no answer within the request timeout",
        _ => ex?.Message ?? "no answer",
    };
}
