using System.Net;
using System.Text.Json;
using Slipway.Freezing.Http;
using Slipway.Freezing.Images;

namespace Slipway.Freezing.Charts;

/// <summary>
/// The versions of a chart in an <c>oci://</c> repository: the tags of <c>&lt;path&gt;/&lt;chart&gt;</c> from
/// <c>GET /v2/&lt;path&gt;/&lt;chart&gt;/tags/list</c> (Helm writes <c>+</c> of build metadata as <c>_</c> in a tag).
/// Through <see cref="OciRegistryClient"/>: the token challenge, anonymous or with the registry's login.
/// </summary>
internal sealed class OciTagLister
{
    private const string What = "the OCI chart repository";

    private readonly OciRegistryClient _registry;

    public OciTagLister(OciRegistryClient registry)
    {
        _registry = registry;
    }

    public async Task<IReadOnlyList<string>> ListAsync(Uri repository, string chart)
    {
        string scheme = repository.IsLoopback ? "http" : "https";
        string path = (repository.AbsolutePath.Trim('/') + "/" + chart).TrimStart('/');
        var url = new Uri($"{scheme}://{repository.Authority}/v2/{path}/tags/list");
        using HttpResponseMessage response = await _registry.SendAsync(HttpMethod.Get, url, repository.Authority, $"repository:{path}:pull", null, CancellationToken.None).ConfigureAwait(false);
        switch (response.StatusCode)
        {
            case HttpStatusCode.OK:
                break;
            case HttpStatusCode.NotFound:
                throw SlipwayException.Input($"Chart '{chart}' is not in {repository} ({url} answered 404 Not Found).");
            case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                throw _registry.Refused(repository.Authority, $"Chart '{chart}' of {repository}", url, response);
            default:
                throw ResolverHttp.Unexpected(response, What);
        }

        try
        {
            using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
            return json.RootElement.TryGetProperty("tags", out JsonElement tags) && tags.ValueKind == JsonValueKind.Array
                ? [.. tags.EnumerateArray().Select(static t => t.GetString()).OfType<string>().Select(static t => t.Replace('_', '+'))]
                : [];
        }
        catch (JsonException malformed)
        {
            throw SlipwayException.Input($"{url} did not answer a tag list (line {malformed.LineNumber + 1}: {malformed.Message}).");
        }
    }
}
