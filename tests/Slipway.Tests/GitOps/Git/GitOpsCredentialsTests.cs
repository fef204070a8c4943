using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Slipway.GitOps;
using Slipway.GitOps.Git;
using Slipway.Hosting;
using Slipway.Tests.Support;

namespace Slipway.Tests.GitOps.Git;

public sealed class GitOpsCredentialsTests : IAsyncDisposable
{
    private const string Token = "s3cr3t-token-value";
    private readonly GitFixture _fixture = new();
    private readonly ConcurrentQueue<string> _authorizations = new();
    private WebApplication? _server;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HttpRemote_SendsTheTokenFromTheEnvironment_AndNeverPrintsIt()
    {
        string url = await StartRefusingServerAsync();
        var log = new RecordingLog();
        IGitOpsRepository repository = GitOpsRepository.Open(
            new GitOpsRepositoryOptions(url, "main", Path.Combine(_fixture.Root, "clone")) { NetworkTimeout = TimeSpan.FromSeconds(20) },
            new DictionaryEnvironmentVariables([new("SLIPWAY_GITOPS_TOKEN", Token)]),
            log,
            TimeProvider.System);

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => repository.ReadSnapshotAsync([], Ct));

        _authorizations.ShouldContain("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"x-access-token:{Token}")));
        log.Secrets.ShouldBe([Token]);
        error.Message.ShouldNotContain(Token);
        error.Message.ShouldContain(url);
    }

    [Fact]
    public async Task HttpRemote_WithoutAToken_SaysWhichVariableToSet()
    {
        string url = await StartRefusingServerAsync();
        IGitOpsRepository repository = GitOpsRepository.Open(
            new GitOpsRepositoryOptions(url, "main", Path.Combine(_fixture.Root, "clone")),
            new DictionaryEnvironmentVariables(),
            NullLog.Instance,
            TimeProvider.System);

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => repository.ReadSnapshotAsync([], Ct));

        error.Message.ShouldContain("set SLIPWAY_GITOPS_TOKEN");
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _fixture.Dispose();
    }

    // A git smart-HTTP endpoint that demands Basic auth and refuses every credential, recording what it was sent.
    private async Task<string> StartRefusingServerAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _server = builder.Build();
        _server.Run(context =>
        {
            _authorizations.Enqueue(context.Request.Headers.Authorization.ToString());
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"git\"";
            return Task.CompletedTask;
        });
        await _server.StartAsync(Ct);
        return _server.Urls.First() + "/acme/gitops.git";
    }
}
