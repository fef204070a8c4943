using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Slipway.Freezing.Http;

namespace Slipway.Freezing.Images;

/// <summary>
/// Requests to an OCI registry with its authentication: a 401 carrying a bearer challenge
/// (<c>WWW-Authenticate: Bearer realm=…,service=…,scope=…</c>) gets a token from the realm (with the registry's login as
/// Basic credentials when there is one; anonymously otherwise, as public images allow) and the request is sent again with
/// <c>Authorization: Bearer</c>; a Basic challenge gets the login directly. Tokens are fetched once per realm, service and
/// scope, and never written anywhere: each is registered with the log as a secret.
/// </summary>
internal sealed class OciRegistryClient
{
    public const string What = "the registry";

    private readonly ResolverHttp _http;
    private readonly RegistryCredentials _credentials;
    private readonly ILog _log;
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<string>> _tokenOf = new(StringComparer.Ordinal);

    public OciRegistryClient(ResolverHttp http, RegistryCredentials credentials, ILog log)
    {
        _http = http;
        _credentials = credentials;
        _log = log;
        credentials.Mask(log);
    }

    /// <summary>Sends the request, answering the registry's challenge once; a 401 that remains is returned for <see cref="Refused"/>.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri url, string registry, string scope, Action<HttpRequestMessage>? configure, CancellationToken cancellationToken)
    {
        string known = $"{registry} {scope}";
        AuthenticationHeaderValue? authorization = _tokenOf.TryGetValue(known, out Task<string>? cached) ? new("Bearer", await cached.WaitAsync(cancellationToken).ConfigureAwait(false)) : null;
        HttpResponseMessage response = await SendWithAsync(authorization).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized || authorization is not null)
        {
            return response;
        }

        RegistryCredential? credential = _credentials.For(registry);
        if (BearerChallenge.Of(response) is { } challenge)
        {
            response.Dispose();
            string key = $"{challenge.Realm} {challenge.Service} {challenge.Scope ?? scope} {registry}";
            Task<string> token = _tokens.GetOrAdd(key, _ => new(() => TokenAsync(challenge, scope, registry, credential))).Value;
            _tokenOf[known] = token;
            return await SendWithAsync(new("Bearer", await token.WaitAsync(cancellationToken).ConfigureAwait(false))).ConfigureAwait(false);
        }

        if (credential is { IsSet: true } && response.Headers.WwwAuthenticate.Any(static h => string.Equals(h.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)))
        {
            response.Dispose();
            return await SendWithAsync(Basic(credential)).ConfigureAwait(false);
        }

        return response;

        Task<HttpResponseMessage> SendWithAsync(AuthenticationHeaderValue? value)
            => _http.SendAsync(method, url, request =>
            {
                configure?.Invoke(request);
                request.Headers.Authorization = value;
            }, What, cancellationToken);
    }

    /// <summary>Bad input for a registry that refused: which login to give, or that the one given was refused.</summary>
    public SlipwayException Refused(string registry, string subject, Uri url, HttpResponseMessage response)
    {
        string answer = $"{url} answered {(int)response.StatusCode} {response.ReasonPhrase}";
        return _credentials.For(registry) switch
        {
            null => SlipwayException.Input(
                $"{subject}: {answer} and there is no login for {registry}. Give the environment a username and a password or token for {registry} as ${{env:NAME}} references, and set those variables."),
            { IsSet: false } credential => SlipwayException.Input($"{subject}: {answer}; the login for {registry} is not set: set {credential.Variables}."),
            { } credential => SlipwayException.Input($"{subject}: {answer}; the registry refused the login from {credential.Variables} (check the user, the token and its pull permission)."),
        };
    }

    private async Task<string> TokenAsync(BearerChallenge challenge, string scope, string registry, RegistryCredential? credential)
    {
        Uri url = challenge.TokenUrl(scope);
        using HttpResponseMessage response = await _http.SendAsync(HttpMethod.Get, url, request =>
        {
            if (credential is { IsSet: true })
            {
                request.Headers.Authorization = Basic(credential);
            }
        }, "the registry's token service", CancellationToken.None).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw Refused(registry, $"No token from {registry} for {challenge.Scope ?? scope}", url, response);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw ResolverHttp.Unexpected(response, "the registry's token service");
        }

        try
        {
            using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
            string? token = (json.RootElement.TryGetProperty("token", out JsonElement t) ? t.GetString() : null)
                ?? (json.RootElement.TryGetProperty("access_token", out JsonElement a) ? a.GetString() : null);
            if (string.IsNullOrEmpty(token))
            {
                throw SlipwayException.Failed($"The registry's token service at {challenge.Realm} answered no token (neither 'token' nor 'access_token').");
            }

            _log.AddSecret(token);
            return token;
        }
        catch (JsonException)
        {
            throw SlipwayException.Failed($"The registry's token service at {challenge.Realm} did not answer JSON.");
        }
    }

    private static AuthenticationHeaderValue Basic(RegistryCredential credential)
        => new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credential.Username ?? "token"}:{credential.Password}")));
}
