using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Api;

/// <summary>
/// Content negotiation: the local cluster answers JSON only. A client that also accepts JSON (kubectl 1.32 sends
/// <c>Accept: application/vnd.kubernetes.protobuf,application/json</c>) gets JSON; one that accepts nothing JSON can read gets 406.
/// </summary>
internal static class MediaTypes
{
    public const string Protobuf = "application/vnd.kubernetes.protobuf";

    /// <summary>Whether the request's <c>Accept</c> allows a JSON answer: absent, <c>application/json</c> (with any parameters) or a wildcard.</summary>
    public static bool AcceptsJson(HttpRequest request)
    {
        string accept = request.Headers.Accept.ToString();
        if (accept.Length == 0)
        {
            return true;
        }

        return MediaTypeHeaderValue.TryParseList(accept.Split(','), out IList<MediaTypeHeaderValue>? types)
            && types.Any(t => t.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || t.MatchesAllTypes || t.MediaType.Equals("application/*", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>406 naming what is served, as the real server words it, unless the request accepts JSON.</summary>
    public static void RequireJsonAccepted(HttpRequest request, string refused)
    {
        if (!AcceptsJson(request))
        {
            throw new StoreException(406, "NotAcceptable", $"only the following media types are accepted: application/json (not {refused})");
        }
    }

    /// <summary>Whether the request body is Kubernetes protobuf (<c>application/vnd.kubernetes.protobuf</c>).</summary>
    public static bool IsProtobuf(string? contentType) => contentType is not null && contentType.Contains("protobuf", StringComparison.OrdinalIgnoreCase);
}
