using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Slipway.Tests.Support;
using Slipway.Verification;

namespace Slipway.Tests.Verification;

public sealed class EndpointProberTests
{
    [Fact]
    public async Task Retries_until_the_endpoint_answers_2xx()
    {
        int calls = 0;
        await using TestHttpServer server = await TestHttpServer.StartAsync(app =>
            app.MapGet("/healthz", () => Interlocked.Increment(ref calls) < 3 ? Results.StatusCode(503) : Results.Ok("ok")));
        using var client = new HttpClient();

        IReadOnlyList<CheckResult> results = await new EndpointProber(client).ProbeAsync([server.Url("healthz")], TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        results.Single().State.ShouldBe(CheckState.Ready);
        calls.ShouldBe(3);
    }

    [Fact]
    public async Task An_endpoint_that_keeps_failing_is_reported_after_the_total_timeout()
    {
        await using TestHttpServer server = await TestHttpServer.StartAsync(app => app.MapGet("/healthz", () => Results.StatusCode(500)));
        using var client = new HttpClient();

        IReadOnlyList<CheckResult> results = await new EndpointProber(client).ProbeAsync([server.Url("healthz")], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);

        results.Single().State.ShouldBe(CheckState.Failed);
        results.Single().Subject.ShouldContain("/healthz");
    }

    [Fact]
    public async Task A_request_that_hangs_is_cut_by_the_per_request_timeout()
    {
        int calls = 0;
        await using TestHttpServer server = await TestHttpServer.StartAsync(app => app.MapGet("/slow", async (CancellationToken ct) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(30), ct);
            }

            return Results.Ok();
        }));
        using var client = new HttpClient();

        IReadOnlyList<CheckResult> results = await new EndpointProber(client).ProbeAsync([server.Url("slow")], TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        results.Single().State.ShouldBe(CheckState.Ready);
        calls.ShouldBeGreaterThanOrEqualTo(2);
    }
}
