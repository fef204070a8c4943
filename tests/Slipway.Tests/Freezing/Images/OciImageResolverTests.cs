using Slipway.Freezing;
using Slipway.Freezing.Http;
using Slipway.Freezing.Images;
using Slipway.Tests.Support;

namespace Slipway.Tests.Freezing.Images;

/// <summary>Image tags resolved to digests against an in-process registry that implements the bearer-token challenge.</summary>
public sealed class OciImageResolverTests : IAsyncLifetime
{
    private static readonly ResolverHttpOptions s_quick = new(TimeSpan.FromSeconds(10), 2);

    private readonly HttpClient _client = new();
    private readonly RecordingLog _log = new();
    private TokenRegistryServer _registry = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _registry = await TokenRegistryServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _registry.DisposeAsync();
        _client.Dispose();
    }

    [Fact]
    public async Task A_public_image_resolves_with_an_anonymous_token()
    {
        string digest = _registry.Push("public/web", "latest");

        ResolvedImage resolved = await Resolver().ResolveAsync(new ImageRequest($"{_registry.Host}/public/web", "latest"), Ct);

        resolved.ShouldBe(new ResolvedImage($"{_registry.Host}/public/web", "latest", digest, $"{_registry.BaseAddress}v2/public/web/manifests/latest"));
        _registry.Requests.ShouldBe([
            "HEAD /v2/public/web/manifests/latest",
            "GET /token?service=test-registry&scope=repository%3Apublic%2Fweb%3Apull",
            "HEAD /v2/public/web/manifests/latest Bearer",
        ]);
    }

    [Fact]
    public async Task A_private_image_resolves_with_the_login_sent_to_the_realm_and_the_token_to_the_registry()
    {
        string digest = _registry.Push("team/api", "production-40672");

        ResolvedImage resolved = await Resolver(Login(TokenRegistryServer.User, TokenRegistryServer.Password))
            .ResolveAsync(new ImageRequest($"{_registry.Host}/team/api", "production-40672"), Ct);

        resolved.Digest.ShouldBe(digest);
        _registry.Requests.ShouldContain("GET /token?service=test-registry&scope=repository%3Ateam%2Fapi%3Apull Basic");
        _registry.Requests.Last().ShouldBe("HEAD /v2/team/api/manifests/production-40672 Bearer");
        _log.Secrets.ShouldContain(TokenRegistryServer.Password);
        _log.Secrets.ShouldContain(TokenRegistryServer.PrivateToken);
    }

    [Fact]
    public async Task The_token_of_a_repository_is_fetched_once_for_concurrent_resolves()
    {
        string[] tags = ["1", "2", "3", "4", "5"];
        foreach (string tag in tags)
        {
            _registry.Push("team/api", tag);
        }

        OciImageResolver resolver = Resolver(Login(TokenRegistryServer.User, TokenRegistryServer.Password));
        await resolver.ResolveAsync(new ImageRequest($"{_registry.Host}/team/api", "1"), Ct);
        ResolvedImage[] resolved = await Task.WhenAll(tags.Select(tag => resolver.ResolveAsync(new ImageRequest($"{_registry.Host}/team/api", tag), Ct)));

        resolved.Select(r => r.Digest).Distinct().Count().ShouldBe(5);
        _registry.Requests.Count(r => r.StartsWith("GET /token", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task A_registry_that_answers_401_without_a_login_is_bad_input_saying_what_to_set()
    {
        _registry.Push("team/api", "1.0");

        SlipwayException none = await Should.ThrowAsync<SlipwayException>(() => Resolver().ResolveAsync(new ImageRequest($"{_registry.Host}/team/api", "1.0"), Ct));
        SlipwayException unset = await Should.ThrowAsync<SlipwayException>(() => Resolver(
            new RegistryCredentials([RegistryCredential.FromEnvironment(_registry.Host, "SLIPWAY_TEST_UNSET_USER_7731", "SLIPWAY_TEST_UNSET_TOKEN_7731")]))
            .ResolveAsync(new ImageRequest($"{_registry.Host}/team/api", "1.0"), Ct));

        none.Kind.ShouldBe(FailureKind.Input);
        none.Message.ShouldContain($"{_registry.BaseAddress}token?service=test-registry&scope=repository%3Ateam%2Fapi%3Apull answered 401 Unauthorized and there is no login for {_registry.Host}");
        none.Message.ShouldContain("${env:NAME}");
        unset.Kind.ShouldBe(FailureKind.Input);
        unset.Message.ShouldContain($"the login for {_registry.Host} is not set: set SLIPWAY_TEST_UNSET_USER_7731 and SLIPWAY_TEST_UNSET_TOKEN_7731.");
    }

    [Fact]
    public async Task A_refused_login_is_bad_input_naming_its_variables_and_never_the_password()
    {
        _registry.Push("team/api", "1.0");

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(
            () => Resolver(Login(TokenRegistryServer.User, "wrong-password")).ResolveAsync(new ImageRequest($"{_registry.Host}/team/api", "1.0"), Ct));

        error.Kind.ShouldBe(FailureKind.Input);
        error.Message.ShouldContain("the registry refused the login from REG_USER and REG_TOKEN");
        error.Message.ShouldNotContain("wrong-password");
        _log.Text.ShouldNotContain("wrong-password");
    }

    [Fact]
    public async Task A_tag_that_does_not_exist_is_bad_input_naming_the_image_and_the_registry()
    {
        _registry.Push("public/web", "1.0");

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => Resolver().ResolveAsync(new ImageRequest($"{_registry.Host}/public/web", "9.9"), Ct));

        error.Kind.ShouldBe(FailureKind.Input);
        error.Message.ShouldBe($"Image {_registry.Host}/public/web:9.9: tag not found in the registry {_registry.Host} ({_registry.BaseAddress}v2/public/web/manifests/9.9 answered 404 Not Found).");
    }

    [Fact]
    public async Task A_tag_and_a_digest_that_disagree_are_bad_input_naming_both()
    {
        string digest = _registry.Push("public/web", "1.0");
        string other = _registry.Push("public/web", "2.0");

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => Resolver().ResolveAsync(new ImageRequest($"{_registry.Host}/public/web", "1.0", other), Ct));
        ResolvedImage agreeing = await Resolver().ResolveAsync(new ImageRequest($"{_registry.Host}/public/web", "1.0", digest), Ct);

        error.Kind.ShouldBe(FailureKind.Input);
        error.Message.ShouldContain($"the tag and the digest disagree: the environment names {other}, but the tag is {digest}");
        agreeing.Digest.ShouldBe(digest);
    }

    [Fact]
    public async Task A_registry_that_sends_no_digest_header_is_asked_with_get_and_the_manifest_hashed()
    {
        string digest = _registry.Push("nodigest/app", "1.0");

        ResolvedImage resolved = await Resolver(Login(TokenRegistryServer.User, TokenRegistryServer.Password))
            .ResolveAsync(new ImageRequest($"{_registry.Host}/nodigest/app", "1.0"), Ct);

        resolved.Digest.ShouldBe(digest);
        _registry.Requests.Last().ShouldBe("GET /v2/nodigest/app/manifests/1.0 Bearer");
    }

    [Fact]
    public async Task An_unreachable_registry_fails_naming_the_url()
    {
        string host;
        await using (TokenRegistryServer gone = await TokenRegistryServer.StartAsync())
        {
            host = gone.Host;
        }

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => Resolver().ResolveAsync(new ImageRequest($"{host}/public/web", "1.0"), Ct));

        error.Kind.ShouldBe(FailureKind.Failed);
        error.Message.ShouldStartWith($"Could not reach the registry at http://{host}/v2/public/web/manifests/1.0: ");
    }

    [Fact]
    public async Task A_mirrored_registry_is_asked_at_the_mirror_with_the_name_inside_it()
    {
        string digest = _registry.Push("public/web", "1.0");
        var mirrors = new MirrorMap([new("registry.local", _registry.BaseAddress), new("ghcr.io/acme", new Uri(_registry.BaseAddress, "public"))]);

        ResolvedImage local = await Resolver(mirrors: mirrors).ResolveAsync(new ImageRequest("registry.local/public/web", "1.0"), Ct);
        ResolvedImage ghcr = await Resolver(mirrors: mirrors).ResolveAsync(new ImageRequest("ghcr.io/acme/web", "1.0"), Ct);

        local.ShouldBe(new ResolvedImage("registry.local/public/web", "1.0", digest, $"{_registry.BaseAddress}v2/public/web/manifests/1.0"));
        ghcr.Source.ShouldBe($"{_registry.BaseAddress}v2/public/web/manifests/1.0");
    }

    [Theory]
    [InlineData("nginx", "https://registry-1.docker.io/", "library/nginx", "docker.io")]
    [InlineData("docker.io/nginx", "https://registry-1.docker.io/", "library/nginx", "docker.io")]
    [InlineData("bitnami/redis", "https://registry-1.docker.io/", "bitnami/redis", "docker.io")]
    [InlineData("ghcr.io/stefanprodan/podinfo", "https://ghcr.io/", "stefanprodan/podinfo", "ghcr.io")]
    [InlineData("localhost:5000/web", "http://localhost:5000/", "web", "localhost:5000")]
    public void Image_names_map_to_a_registry_and_a_repository(string image, string apiBase, string name, string registry)
        => ImageLocation.Of(image, MirrorMap.None).ShouldBe(new ImageLocation(registry, new Uri(apiBase), name));

    [Theory]
    [InlineData("", "1.0", null, "is not an image name")]
    [InlineData("web", "", null, "has neither a tag nor a digest")]
    [InlineData("web", "1.0", "sha256:abc", "is not a digest")]
    [InlineData("web@sha256:0", "1.0", null, "is not an image name")]
    public async Task A_malformed_request_is_bad_input(string image, string tag, string? digest, string problem)
    {
        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => Resolver().ResolveAsync(new ImageRequest(image, tag, digest), Ct));

        error.Kind.ShouldBe(FailureKind.Input);
        error.Message.ShouldContain(problem);
    }

    private RegistryCredentials Login(string user, string password) => new([new RegistryCredential(_registry.Host, user, password, "REG_USER and REG_TOKEN")]);

    private OciImageResolver Resolver(RegistryCredentials? credentials = null, MirrorMap? mirrors = null)
        => new(_client, mirrors ?? MirrorMap.None, credentials, _log, s_quick);
}
