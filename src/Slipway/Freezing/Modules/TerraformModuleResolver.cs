using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using NuGet.Versioning;
using Slipway.Freezing.Charts;
using Slipway.Freezing.Http;

namespace Slipway.Freezing.Modules;

/// <summary>
/// Resolves module constraints with the module registry protocol: service discovery
/// (<c>GET &lt;registry&gt;/.well-known/terraform.json</c>, its <c>modules.v1</c>), then
/// <c>GET &lt;modules.v1&gt;&lt;namespace&gt;/&lt;name&gt;/&lt;provider&gt;/versions</c>, and the newest version the
/// constraint admits (<see cref="TerraformConstraint"/>). Discovery is asked once per registry and each module's versions
/// once per instance, however many calls ask at once.
/// </summary>
public sealed class TerraformModuleResolver : IModuleResolver
{
    private const string What = "the module registry";

    private readonly ResolverHttp _http;
    private readonly MirrorMap _mirrors;
    private readonly ConcurrentDictionary<string, Lazy<Task<Uri>>> _services = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<(Uri Url, IReadOnlyList<string> Versions)>>> _versions = new(StringComparer.Ordinal);

    public TerraformModuleResolver(HttpClient client, MirrorMap mirrors, ILog? log = null, ResolverHttpOptions? options = null)
    {
        _http = new ResolverHttp(client, options ?? ResolverHttpOptions.Default, log ?? NullLog.Instance);
        _mirrors = mirrors;
    }

    public async Task<ResolvedModule> ResolveAsync(ModuleRequest request, CancellationToken cancellationToken)
    {
        string at = $"{request.File}:{request.Line}: module \"{request.Name}\"";
        ModuleAddress address = ModuleAddress.TryParse(request.Source, _mirrors)
            ?? throw SlipwayException.Input($"{at}: source '{request.Source}' is not a module registry address (namespace/name/provider or host/namespace/name/provider).");
        TerraformConstraint constraint;
        try
        {
            constraint = TerraformConstraint.Parse(request.Constraint);
        }
        catch (FormatException improper)
        {
            throw SlipwayException.Input($"{at}: version {improper.Message}.");
        }

        string key = $"{address.Registry} {address.Path}";
        Uri url;
        IReadOnlyList<string> listed;
        try
        {
            (url, listed) = await _versions.GetOrAdd(key, _ => new(() => ListAsync(address))).Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SlipwayException bad) when (bad.Kind == FailureKind.Input)
        {
            throw new SlipwayException(FailureKind.Input, $"{at}: {bad.Message}", bad);
        }

        List<(string Text, SemanticVersion Version)> versions = [.. listed
            .Select(static v => (Text: v, Parsed: NuGetVersion.TryParseStrict(v.TrimStart('v'), out NuGetVersion? parsed) ? parsed : null))
            .Where(static v => v.Parsed is not null)
            .Select(static v => (v.Text, (SemanticVersion)v.Parsed!))
            .OrderBy(static v => v.Item2)];
        if (versions.LastOrDefault(v => constraint.IsSatisfiedBy(v.Version)) is { Text: not null } best)
        {
            return new ResolvedModule(request.Name, request.Source, request.Constraint, best.Text, url.AbsoluteUri);
        }

        throw SlipwayException.Input($"{at}: no version of {address.Host}/{address.Path} satisfies '{request.Constraint}' in {url}; {ChartVersionChoice.NearestText(versions, request.Constraint)}.");
    }

    private async Task<(Uri Url, IReadOnlyList<string> Versions)> ListAsync(ModuleAddress address)
    {
        Uri modules = await _services.GetOrAdd(address.Registry.AbsoluteUri, _ => new(() => DiscoverAsync(address.Registry)))
            .Value.ConfigureAwait(false);
        var url = new Uri(modules, $"{address.Path}/versions");
        using HttpResponseMessage response = await _http.SendAsync(HttpMethod.Get, url, null, What, CancellationToken.None).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw SlipwayException.Input($"the module {address.Host}/{address.Path} is not in the registry ({url} answered 404 Not Found).");
        }

        using JsonDocument json = await JsonAsync(response, url).ConfigureAwait(false);
        if (!json.RootElement.TryGetProperty("modules", out JsonElement list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0
            || !list[0].TryGetProperty("versions", out JsonElement versions) || versions.ValueKind != JsonValueKind.Array)
        {
            throw SlipwayException.Input($"{url} did not answer a module version list (modules[0].versions[].version).");
        }

        return (url, [.. versions.EnumerateArray().Select(static v => v.TryGetProperty("version", out JsonElement version) ? version.GetString() : null).OfType<string>()]);
    }

    private async Task<Uri> DiscoverAsync(Uri registry)
    {
        var url = new Uri(registry, ".well-known/terraform.json");
        using HttpResponseMessage response = await _http.SendAsync(HttpMethod.Get, url, null, What, CancellationToken.None).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw SlipwayException.Input($"{registry} is not a Terraform registry ({url} answered 404 Not Found).");
        }

        using JsonDocument json = await JsonAsync(response, url).ConfigureAwait(false);
        if (!json.RootElement.TryGetProperty("modules.v1", out JsonElement modules) || modules.GetString() is not { Length: > 0 } location
            || !Uri.TryCreate(url, location.EndsWith('/') ? location : location + "/", out Uri? resolved))
        {
            throw SlipwayException.Input($"{registry} offers no module registry ({url} has no modules.v1).");
        }

        return resolved;
    }

    private static async Task<JsonDocument> JsonAsync(HttpResponseMessage response, Uri url)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw ResolverHttp.Unexpected(response, What);
        }

        try
        {
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
        }
        catch (JsonException malformed)
        {
            throw SlipwayException.Input($"{url}:{malformed.LineNumber + 1}: not valid JSON ({malformed.Message}).");
        }
    }
}
