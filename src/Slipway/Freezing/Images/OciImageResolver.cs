using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Slipway.Freezing.Http;

namespace Slipway.Freezing.Images;

/// <summary>
/// Resolves image tags to digests with the OCI Distribution API: <c>HEAD /v2/&lt;name&gt;/manifests/&lt;tag&gt;</c> accepting
/// OCI indexes and manifests and Docker manifest lists and v2 manifests, reading <c>Docker-Content-Digest</c> (a registry that
/// sends none, or refuses HEAD, is asked with GET and the digest is the SHA-256 of the manifest it answered), through
/// <see cref="OciRegistryClient"/> for the token challenge and the <see cref="MirrorMap"/> for mirrors.
/// </summary>
public sealed partial class OciImageResolver : IImageResolver
{
    private static readonly string[] s_manifestTypes =
    [
        "application/vnd.oci.image.index.v1+json",
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/vnd.docker.distribution.manifest.v2+json",
    ];

    private readonly OciRegistryClient _registry;
    private readonly MirrorMap _mirrors;

    /// <param name="client">The client to ask with (its <see cref="HttpClient.Timeout"/> applies on top of <paramref name="options"/>).</param>
    /// <param name="mirrors">Where to ask instead of an image's registry.</param>
    /// <param name="credentials">Registry logins the caller resolved; none when null.</param>
    /// <param name="log">Where retries are reported and secrets registered for masking.</param>
    /// <param name="options">Timeout and attempts; <see cref="ResolverHttpOptions.Default"/> when null.</param>
    public OciImageResolver(HttpClient client, MirrorMap mirrors, RegistryCredentials? credentials = null, ILog? log = null, ResolverHttpOptions? options = null)
    {
        ILog target = log ?? NullLog.Instance;
        _registry = new OciRegistryClient(new ResolverHttp(client, options ?? ResolverHttpOptions.Default, target), credentials ?? RegistryCredentials.None, target);
        _mirrors = mirrors;
    }

    public async Task<ResolvedImage> ResolveAsync(ImageRequest request, CancellationToken cancellationToken)
    {
        string tag = request.Tag?.Trim() ?? string.Empty;
        string? wanted = string.IsNullOrWhiteSpace(request.Digest) ? null : request.Digest.Trim();
        string subject = tag.Length > 0 ? $"Image {request.Image}:{tag}" : $"Image {request.Image}@{wanted}";
        if (tag.Length == 0 && wanted is null)
        {
            throw SlipwayException.Input($"Image {request.Image} has neither a tag nor a digest to resolve.");
        }

        if (wanted is not null && !Digest().IsMatch(wanted))
        {
            throw SlipwayException.Input($"{subject}: '{wanted}' is not a digest (sha256: and 64 lower-case hex digits).");
        }

        ImageLocation location = ImageLocation.Of(request.Image, _mirrors);
        Uri url = location.Manifest(tag.Length > 0 ? tag : wanted!);
        string scope = $"repository:{location.Name}:pull";
        string digest;
        using (HttpResponseMessage head = await _registry.SendAsync(HttpMethod.Head, url, location.Registry, scope, Accept, cancellationToken).ConfigureAwait(false))
        {
            digest = head.StatusCode switch
            {
                HttpStatusCode.OK when ContentDigest(head) is { } sent => sent,
                HttpStatusCode.OK or HttpStatusCode.MethodNotAllowed => await GetDigestAsync(url, location, scope, subject, cancellationToken).ConfigureAwait(false),
                _ => throw Refused(head, location, subject),
            };
        }

        if (!Digest().IsMatch(digest))
        {
            throw SlipwayException.Failed($"{subject}: the registry at {url} answered the digest '{digest}', which is not sha256:<64 hex digits>.");
        }

        if (wanted is not null && !string.Equals(wanted, digest, StringComparison.Ordinal))
        {
            throw SlipwayException.Input(
                $"{subject}: the tag and the digest disagree: the environment names {wanted}, but the tag is {digest} in {location.Registry} ({url}). "
                + "Drop the digest to take the tag's, or change the tag.");
        }

        return new ResolvedImage(request.Image, request.Tag ?? string.Empty, digest, url.AbsoluteUri);
    }

    private async Task<string> GetDigestAsync(Uri url, ImageLocation location, string scope, string subject, CancellationToken cancellationToken)
    {
        using HttpResponseMessage get = await _registry.SendAsync(HttpMethod.Get, url, location.Registry, scope, Accept, cancellationToken).ConfigureAwait(false);
        if (get.StatusCode != HttpStatusCode.OK)
        {
            throw Refused(get, location, subject);
        }

        if (ContentDigest(get) is { } sent)
        {
            return sent;
        }

        byte[] manifest = await get.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(manifest));
    }

    private SlipwayException Refused(HttpResponseMessage response, ImageLocation location, string subject)
    {
        Uri url = response.RequestMessage?.RequestUri ?? location.ApiBase;
        return response.StatusCode switch
        {
            HttpStatusCode.NotFound => SlipwayException.Input($"{subject}: tag not found in the registry {location.Registry} ({url} answered 404 Not Found)."),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => _registry.Refused(location.Registry, subject, url, response),
            _ => ResolverHttp.Unexpected(response, OciRegistryClient.What),
        };
    }

    private static void Accept(HttpRequestMessage request)
    {
        foreach (string type in s_manifestTypes)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
        }
    }

    private static string? ContentDigest(HttpResponseMessage response)
        => response.Headers.TryGetValues("Docker-Content-Digest", out IEnumerable<string>? values) ? values.FirstOrDefault()?.Trim() : null;

    [GeneratedRegex("^sha256:[0-9a-f]{64}$")]
    private static partial Regex Digest();
}
