using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Slipway.Verification;

/// <summary>Checks that HTTP endpoints answer 2xx: retries with exponential backoff, a per-request and a total timeout.</summary>
public sealed class EndpointProber
{
    private readonly HttpClient _client;

    public EndpointProber(HttpClient client)
    {
        _client = client;
    }

    /// <summary>Probes every endpoint; returns one check per endpoint.</summary>
    public async Task<IReadOnlyList<CheckResult>> ProbeAsync(IReadOnlyList<Uri> endpoints, TimeSpan requestTimeout, TimeSpan totalTimeout, CancellationToken cancellationToken)
    {
        ResiliencePipeline<HttpResponseMessage> pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddTimeout(totalTimeout)
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = int.MaxValue, // bounded by the total timeout
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(250),
                MaxDelay = TimeSpan.FromSeconds(5),
                UseJitter = true,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(static r => !r.IsSuccessStatusCode),
            })
            .AddTimeout(requestTimeout)
            .Build();

        var results = new List<CheckResult>(endpoints.Count);
        foreach (Uri endpoint in endpoints)
        {
            string subject = $"Endpoint {endpoint}";
            try
            {
                using HttpResponseMessage response = await pipeline.ExecuteAsync(
                    async ct => await _client.GetAsync(endpoint, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false),
                    cancellationToken).ConfigureAwait(false);
                results.Add(response.IsSuccessStatusCode
                    ? new CheckResult(subject, CheckState.Ready, "Responding", $"{(int)response.StatusCode} {response.ReasonPhrase}")
                    : new CheckResult(subject, CheckState.Failed, "BadStatus", $"answered {(int)response.StatusCode} {response.ReasonPhrase} for {totalTimeout.TotalSeconds:0}s"));
            }
            catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
            {
                results.Add(new CheckResult(subject, CheckState.Failed, "NotResponding", $"no 2xx answer within {totalTimeout.TotalSeconds:0}s: {ex.Message}"));
            }
        }

        return results;
    }
}
