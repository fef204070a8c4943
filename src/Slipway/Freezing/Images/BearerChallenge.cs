using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Slipway.Freezing.Images;

/// <summary>
/// A registry's <c>WWW-Authenticate: Bearer realm="…",service="…",scope="…"</c> answer to an anonymous request: where to get
/// a token (<see cref="Realm"/>) and for what (<see cref="Service"/>, <see cref="Scope"/>).
/// </summary>
internal sealed partial record BearerChallenge(Uri Realm, string? Service, string? Scope)
{
    /// <summary>The bearer challenge of a 401, or null when the registry asked for another scheme (Basic) or none.</summary>
    public static BearerChallenge? Of(HttpResponseMessage response)
    {
        foreach (AuthenticationHeaderValue header in response.Headers.WwwAuthenticate)
        {
            if (!string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
            {
                continue;
            }

            Dictionary<string, string> values = Parameter().Matches(header.Parameter)
                .ToDictionary(static m => m.Groups["key"].Value.ToLowerInvariant(), static m => m.Groups["quoted"].Success ? m.Groups["quoted"].Value : m.Groups["bare"].Value, StringComparer.Ordinal);
            if (values.TryGetValue("realm", out string? realm) && Uri.TryCreate(realm, UriKind.Absolute, out Uri? realmUri))
            {
                return new BearerChallenge(realmUri, values.GetValueOrDefault("service"), values.GetValueOrDefault("scope"));
            }
        }

        return null;
    }

    /// <summary>The token URL: the realm with <c>service</c> and <c>scope</c> (the challenge's, else <paramref name="defaultScope"/>).</summary>
    public Uri TokenUrl(string defaultScope)
    {
        var query = new List<string>();
        if (Service is not null)
        {
            query.Add("service=" + Uri.EscapeDataString(Service));
        }

        query.Add("scope=" + Uri.EscapeDataString(Scope ?? defaultScope));
        string separator = Realm.Query.Length > 0 ? "&" : "?";
        return new Uri(Realm.AbsoluteUri + separator + string.Join('&', query));
    }

    [GeneratedRegex("""(?<key>[A-Za-z]+)=(?:"(?<quoted>[^"]*)"|(?<bare>[^,\s]*))""")]
    private static partial Regex Parameter();
}
