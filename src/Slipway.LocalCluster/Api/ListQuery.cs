using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Slipway.LocalCluster.Api.Selectors;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Api;

/// <summary>
/// The query of a list or watch: selectors, <c>limit</c>, <c>continue</c>, <c>resourceVersion</c>, <c>timeoutSeconds</c>.
/// A continue token names the last object returned; the next page starts after it in the current state (the real server
/// serves later pages from a snapshot of the first page's resourceVersion; objects created meanwhile may show up here).
/// </summary>
internal sealed record ListQuery(LabelSelector Labels, FieldSelector Fields, int Limit, (string Namespace, string Name)? After, long ResourceVersion, TimeSpan? Timeout)
{
    public static ListQuery From(HttpRequest request)
    {
        IQueryCollection query = request.Query;
        int limit = 0;
        if (query["limit"].ToString() is { Length: > 0 } limitText
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit)))
        {
            throw ApiResponses.BadRequest($"invalid limit: \"{limitText}\"");
        }

        long resourceVersion = 0;
        if (query["resourceVersion"].ToString() is { Length: > 0 } versionText
            && !long.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out resourceVersion))
        {
            throw new StoreException(400, "BadRequest", $"invalid resource version: \"{versionText}\"");
        }

        TimeSpan? timeout = null;
        if (query["timeoutSeconds"].ToString() is { Length: > 0 } timeoutText
            && int.TryParse(timeoutText, NumberStyles.None, CultureInfo.InvariantCulture, out int seconds) && seconds > 0)
        {
            timeout = TimeSpan.FromSeconds(seconds);
        }

        return new ListQuery(
            LabelSelector.Parse(query["labelSelector"].ToString()),
            FieldSelector.Parse(query["fieldSelector"].ToString()),
            limit,
            DecodeContinue(query["continue"].ToString()),
            resourceVersion,
            timeout);
    }

    public bool Matches(JsonObject obj) => Labels.Matches(obj) && Fields.Matches(obj);

    public static string EncodeContinue(string @namespace, string name)
        => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{@namespace}\n{name}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static (string, string)? DecodeContinue(string token)
    {
        if (token.Length == 0)
        {
            return null;
        }

        try
        {
            string padded = token.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            string[] parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('\n');
            return parts.Length == 2 ? (parts[0], parts[1]) : throw new FormatException();
        }
        catch (FormatException)
        {
            throw ApiResponses.BadRequest($"invalid continue token: \"{token}\"");
        }
    }
}
