using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Slipway.Tests.Support;

namespace Slipway.Tests.Freezing.Images;

/// <summary>
/// An OCI registry on 127.0.0.1 with the token challenge as Docker Hub and GHCR do it: a manifest request without a valid
/// bearer token gets 401 and <c>WWW-Authenticate: Bearer realm="&lt;base&gt;/token",service="test-registry",scope="repository:&lt;name&gt;:pull"</c>;
/// the realm hands out <see cref="PrivateToken"/> for Basic <see cref="User"/>:<see cref="Password"/> and, for repositories
/// under <c>public/</c>, an anonymous token to anyone. Manifests answer <c>Docker-Content-Digest</c>, except those under
/// <c>nodigest/</c>, which send the body only.
/// </summary>
public sealed class TokenRegistryServer : IAsyncDisposable
{
    public const string User = "ci-bot";
    public const string Password = "s3cret-pass";
    public const string PrivateToken = "private-token-4711";
    private const string AnonymousToken = "anonymous-token";

    private readonly ConcurrentDictionary<string, byte[]> _manifests = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _log = new();
    private TestHttpServer? _server;

    public string Host => _server!.BaseAddress.Authority;

    public Uri BaseAddress => _server!.BaseAddress;

    /// <summary>Every request as <c>METHOD path?query auth-scheme</c>.</summary>
    public IReadOnlyList<string> Requests => [.. _log];

    public static async Task<TokenRegistryServer> StartAsync()
    {
        var registry = new TokenRegistryServer();
        registry._server = await TestHttpServer.StartAsync(app => app.Run(registry.HandleAsync));
        return registry;
    }

    /// <summary>Adds <paramref name="name"/>:<paramref name="tag"/> and returns its digest.</summary>
    public string Push(string name, string tag)
    {
        byte[] manifest = Encoding.UTF8.GetBytes($$$"""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","annotations":{"name":"{{{name}}}","tag":"{{{tag}}}"}}""");
        _manifests[$"{name}:{tag}"] = manifest;
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(manifest));
    }

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task HandleAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        string path = request.Path.Value ?? "/";
        string authorization = request.Headers.Authorization.ToString();
        _log.Enqueue($"{request.Method} {path}{request.QueryString} {authorization.Split(' ')[0]}".TrimEnd());
        if (path == "/token")
        {
            await TokenAsync(context, authorization);
            return;
        }

        int manifests = path.IndexOf("/manifests/", StringComparison.Ordinal);
        if (!path.StartsWith("/v2/", StringComparison.Ordinal) || manifests < 0)
        {
            context.Response.StatusCode = 404;
            return;
        }

        string name = path[4..manifests];
        string reference = path[(manifests + "/manifests/".Length)..];
        bool allowed = authorization == "Bearer " + PrivateToken || (name.StartsWith("public/", StringComparison.Ordinal) && authorization == "Bearer " + AnonymousToken);
        if (!allowed)
        {
            context.Response.StatusCode = 401;
            context.Response.Headers.WWWAuthenticate = $"Bearer realm=\"{BaseAddress}token\",service=\"test-registry\",scope=\"repository:{name}:pull\"";
            return;
        }

        if (!request.Headers.Accept.ToString().Contains("application/vnd.oci.image.index.v1+json", StringComparison.Ordinal)
            || !request.Headers.Accept.ToString().Contains("application/vnd.docker.distribution.manifest.v2+json", StringComparison.Ordinal))
        {
            context.Response.StatusCode = 406;
            return;
        }

        if (!_manifests.TryGetValue($"{name}:{reference}", out byte[]? manifest))
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsync("""{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}""");
            return;
        }

        context.Response.ContentType = "application/vnd.oci.image.manifest.v1+json";
        context.Response.ContentLength = manifest.Length;
        if (!name.StartsWith("nodigest/", StringComparison.Ordinal))
        {
            context.Response.Headers["Docker-Content-Digest"] = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(manifest));
        }

        if (!HttpMethods.IsHead(request.Method))
        {
            await context.Response.Body.WriteAsync(manifest);
        }
    }

    private async Task TokenAsync(HttpContext context, string authorization)
    {
        string scope = context.Request.Query["scope"].ToString();
        string basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}"));
        string? token = context.Request.Query["service"] != "test-registry" ? null
            : authorization == basic ? PrivateToken
            : authorization.Length == 0 && scope.StartsWith("repository:public/", StringComparison.Ordinal) ? AnonymousToken
            : null;
        if (token is null)
        {
            context.Response.StatusCode = 401;
            await context.Response.WriteAsync("""{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}""");
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(token == AnonymousToken ? $$"""{"token":"{{token}}"}""" : $$"""{"access_token":"{{token}}","expires_in":300}""");
    }
}
