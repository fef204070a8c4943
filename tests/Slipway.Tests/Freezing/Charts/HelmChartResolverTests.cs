using Slipway.Freezing;
using Slipway.Freezing.Charts;
using Slipway.Freezing.Http;
using Slipway.Tests.Support;

namespace Slipway.Tests.Freezing.Charts;

/// <summary>Chart ranges resolved against a real <c>index.yaml</c> served over HTTP on 127.0.0.1, a local path and an OCI tag list.</summary>
public sealed class HelmChartResolverTests : IAsyncLifetime
{
    private static readonly string[] s_web =
        ["1.0.0", "1.2.0", "1.2.3", "1.2.9", "1.3.0", "1.4.5", "1.5.0", "2.0.0-rc.1", "2.0.0", "2.1.0", "3.0.0-beta.1", "3.0.0-rc.2", "4.11.0", "4.11.2", "4.12.0"];

    private static readonly ResolverHttpOptions s_quick = new(TimeSpan.FromSeconds(10), 2);

    private readonly HttpClient _client = new();
    private ChartRepositoryServer _server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Repository => _server.Url("stable").AbsoluteUri;

    public async ValueTask InitializeAsync()
    {
        _server = await ChartRepositoryServer.StartAsync();
        _server.Serve("/stable/index.yaml", ChartRepositoryServer.Index(("web", s_web), ("api", ["0.1.0", "0.2.0"]), ("ingress-nginx", ["4.11.3"])));
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _client.Dispose();
    }

    public static TheoryData<string, bool, string> Ranges => new()
    {
        { "4.11.x", false, "4.11.2" },
        { "4.x", false, "4.12.0" },
        { "4.X", false, "4.12.0" },
        { "^1.2.0", false, "1.5.0" },
        { "^1.2", false, "1.5.0" },
        { "~1.2.3", false, "1.2.9" },
        { "~1", false, "1.5.0" },
        { ">=1.2 <2", false, "1.5.0" },
        { ">=1.2, <2", false, "1.5.0" },
        { ">= 1.2, < 1.3", false, "1.2.9" },
        { "1.2.x || 2.0.x", false, "2.0.0" },
        { "<1.2.0 || >4.11.0 <4.12", false, "4.11.2" },
        { "1.2 - 1.4", false, "1.4.5" },
        { "1.2.3 - 1.3.0", false, "1.3.0" },
        { "*", false, "4.12.0" },
        { "", false, "4.12.0" },
        { "1.2.3", false, "1.2.3" },
        { "v1.2.3", false, "1.2.3" },
        { "=1.2.3", false, "1.2.3" },
        { ">1.5.0 !=2.1.0 <4", false, "2.0.0" },
        { "2.0.0-rc.1", false, "2.0.0-rc.1" },
        { "~3.0.0-0", false, "3.0.0-rc.2" },
        { ">=3.0.0-beta.1 <3.0.0-rc", false, "3.0.0-beta.1" },
        { "3.x", true, "3.0.0-rc.2" },
        { "^1.2.0", true, "1.5.0" },
        { "2.x", true, "2.1.0" },
        { ">=2.0.0-rc <2.0.0", true, "2.0.0-rc.1" },
        { "*", true, "4.12.0" },
    };

    [Theory]
    [MemberData(nameof(Ranges))]
    public async Task A_range_resolves_to_the_highest_version_it_admits(string range, bool includePrerelease, string expected)
    {
        ResolvedChart resolved = await Resolver().ResolveAsync(new ChartRequest("web", Repository, range, includePrerelease), Ct);

        resolved.ShouldBe(new ResolvedChart("web", Repository, range, expected, _server.Url("stable/index.yaml").AbsoluteUri));
    }

    [Fact]
    public async Task A_range_only_pre_releases_satisfy_is_bad_input_saying_how_to_ask_for_them()
    {
        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => Resolver().ResolveAsync(new ChartRequest("web", Repository, "3.x"), Ct));

        error.Kind.ShouldBe(FailureKind.Input);
        error.Message.ShouldContain("'3.x': only pre-releases satisfy it (the newest is 3.0.0-rc.2)");
        error.Message.ShouldContain("the version '3.0.0-rc.2' itself, or a bound such as '~3.0.0-0'");
    }

    [Theory]
    [InlineData("~1.6.0", "nearest available: 1.5.0, 1.4.5, 1.3.0 below; 2.0.0, 2.1.0, 4.11.0 above")]
    [InlineData("^5.0.0", "nearest available: 4.12.0, 4.11.2, 4.11.0 below; none above")]
    [InlineData("<1.0.0", "nearest available: none below; 1.0.0, 1.2.0, 1.2.3 above")]
    public async Task No_version_satisfying_the_range_lists_the_nearest_ones(string range, string nearest)
    {
        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => Resolver().ResolveAsync(new ChartRequest("web", Repository, range), Ct));

        error.Kind.ShouldBe(FailureKind.Input);
        error.Message.ShouldBe($"Chart 'web': no version satisfies '{range}' in {_server.Url("stable/index.yaml")}; {nearest}.");
    }

    [Fact]
    public async Task A_range_that_is_not_one_is_bad_input_before_anything_is_fetched()
    {
        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => Resolver().ResolveAsync(new ChartRequest("web", Repository, "latest"), Ct));

        error.Kind.ShouldBe(FailureKind.Input);
        error.Message.ShouldContain("'latest' is not a Helm version range");
        _server.Requests("/stable/index.yaml").ShouldBe(0);
    }

    [Theory]
    [InlineData("wbe", "(similar names there: web)")]
    [InlineData("nginx", "(similar names there: ingress-nginx)")]
    [InlineData("postgresql", "(nothing with a similar name is there)")]
    public async Task A_chart_the_index_does_not_have_is_bad_input_listing_similar_names(string chart, string similar)
    {
        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => Resolver().ResolveAsync(new ChartRequest(chart, Repository, "*"), Ct));

        error.Kind.ShouldBe(FailureKind.Input);
        error.Message.ShouldBe($"Chart '{chart}' is not in {_server.Url("stable/index.yaml")} {similar}.");
    }

    [Theory]
    [InlineData("apiVersion: v1\nentries:\n  web:\n  - version: [1.0.0\n", 5, "not valid YAML")]
    [InlineData("apiVersion: v1\nentries:\n  web:\n  - version: 1.0.0\n  - version: one\n", 5, "version 'one' is not a semantic version")]
    [InlineData("entries: {}\n", 1, "no API version specified")]
    public async Task A_malformed_index_is_bad_input_naming_the_url_and_line(string yaml, int line, string problem)
    {
        _server.Serve("/broken/index.yaml", yaml);

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(
            () => Resolver().ResolveAsync(new ChartRequest("web", _server.Url("broken").AbsoluteUri, "*"), Ct));

        error.Kind.ShouldBe(FailureKind.Input);
        error.Message.ShouldStartWith($"Malformed chart repository index: {_server.Url("broken/index.yaml")}:{line}: ");
        error.Message.ShouldContain(problem);
    }

    [Fact]
    public async Task An_unreachable_repository_fails_naming_the_url()
    {
        Uri closed;
        await using (ChartRepositoryServer gone = await ChartRepositoryServer.StartAsync())
        {
            closed = gone.Url("stable");
        }

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => Resolver().ResolveAsync(new ChartRequest("web", closed.AbsoluteUri, "*"), Ct));

        error.Kind.ShouldBe(FailureKind.Failed);
        error.Message.ShouldStartWith($"Could not reach the chart repository at {closed}/index.yaml: ");
    }

    [Fact]
    public async Task A_repository_without_an_index_is_bad_input_naming_the_url()
    {
        SlipwayException error = await Should.ThrowAsync<SlipwayException>(
            () => Resolver().ResolveAsync(new ChartRequest("web", _server.Url("nowhere").AbsoluteUri, "*"), Ct));

        error.Kind.ShouldBe(FailureKind.Input);
        error.Message.ShouldStartWith($"There is no chart repository index at {_server.Url("nowhere/index.yaml")} (404 Not Found)");
    }

    [Fact]
    public async Task A_transient_server_error_is_tried_again()
    {
        _server.FailFirst(503);
        var log = new RecordingLog();

        ResolvedChart resolved = await new HelmChartResolver(_client, MirrorMap.None, log, s_quick).ResolveAsync(new ChartRequest("web", Repository, "4.11.x"), Ct);

        resolved.Version.ShouldBe("4.11.2");
        _server.Requests("/stable/index.yaml").ShouldBe(2);
        log.Text.ShouldContain("503 Service Unavailable");
    }

    [Fact]
    public async Task A_server_error_that_lasts_fails_naming_the_url_and_the_answer()
    {
        _server.FailFirst(500, 500);

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => Resolver().ResolveAsync(new ChartRequest("web", Repository, "*"), Ct));

        error.Kind.ShouldBe(FailureKind.Failed);
        error.Message.ShouldBe($"the chart repository at {_server.Url("stable/index.yaml")} answered 500 Internal Server Error.");
    }

    [Fact]
    public async Task Each_index_is_fetched_once_under_twenty_concurrent_resolves()
    {
        _server.Delay = TimeSpan.FromMilliseconds(200);
        HelmChartResolver resolver = Resolver();
        string[] ranges = ["4.11.x", "^1.2.0", "~1.2.3", "*", "1.2 - 1.4"];

        ResolvedChart[] resolved = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => resolver.ResolveAsync(new ChartRequest("web", Repository, ranges[i % ranges.Length]), Ct), Ct)));

        _server.Requests("/stable/index.yaml").ShouldBe(1);
        resolved.Select(r => r.Version).Distinct().Order().ShouldBe(["1.2.9", "1.4.5", "1.5.0", "4.11.2", "4.12.0"]);
    }

    [Fact]
    public async Task A_mirror_answers_for_the_upstream_repository_and_is_recorded_as_the_source()
    {
        _server.Serve("/charts/charts.example.com/stable/index.yaml", ChartRepositoryServer.Index(("web", ["7.0.0", "7.1.0"])));
        var mirrors = new MirrorMap([new("https://", _server.Url("charts/"))]);

        ResolvedChart resolved = await new HelmChartResolver(_client, mirrors, options: s_quick)
            .ResolveAsync(new ChartRequest("web", "https://charts.example.com/stable", "7.x"), Ct);

        resolved.ShouldBe(new ResolvedChart("web", "https://charts.example.com/stable", "7.x", "7.1.0", _server.Url("charts/charts.example.com/stable/index.yaml").AbsoluteUri));
    }

    [Fact]
    public async Task A_local_repository_is_an_index_file_or_a_folder_holding_one()
    {
        using var directory = new TempDirectory();
        directory.Write("repo/index.yaml", ChartRepositoryServer.Index(("web", ["1.0.0", "1.1.0"])));
        var resolver = new HelmChartResolver(_client, MirrorMap.None, options: s_quick, baseDirectory: directory.Path);

        (await resolver.ResolveAsync(new ChartRequest("web", "repo", "1.x"), Ct)).ShouldBe(new ResolvedChart("web", "repo", "1.x", "1.1.0", directory.Combine("repo", "index.yaml")));
        (await resolver.ResolveAsync(new ChartRequest("web", directory.Combine("repo", "index.yaml"), "~1.0"), Ct)).Version.ShouldBe("1.0.0");
        SlipwayException missing = await Should.ThrowAsync<SlipwayException>(() => resolver.ResolveAsync(new ChartRequest("web", "elsewhere", "*"), Ct));
        missing.Kind.ShouldBe(FailureKind.Input);
        missing.Message.ShouldContain($"There is no chart repository index at {directory.Combine("elsewhere")}");
    }

    [Fact]
    public async Task An_oci_repository_is_resolved_from_its_tag_list()
    {
        _server.Serve("/v2/charts/podinfo/tags/list", """{"name":"charts/podinfo","tags":["6.6.0","6.7.1","6.7.2-rc.1","6.7.0_build.5","latest"]}""");
        string repository = $"oci://{_server.BaseAddress.Authority}/charts";

        ResolvedChart resolved = await Resolver().ResolveAsync(new ChartRequest("podinfo", repository, "~6.7.0"), Ct);

        resolved.ShouldBe(new ResolvedChart("podinfo", repository, "~6.7.0", "6.7.1", repository));
        SlipwayException missing = await Should.ThrowAsync<SlipwayException>(() => Resolver().ResolveAsync(new ChartRequest("nope", repository, "*"), Ct));
        missing.Kind.ShouldBe(FailureKind.Input);
        missing.Message.ShouldContain("404 Not Found");
    }

    private HelmChartResolver Resolver() => new(_client, MirrorMap.None, options: s_quick);
}
