using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Slipway.LocalCluster.Api.Selectors;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Api;

/// <summary>
/// The query of a list or watch, read with <see cref="QueryOptions"/>: selectors, <c>limit</c>, <c>continue</c>,
/// <c>resourceVersion</c>, <c>resourceVersionMatch</c>, <c>timeoutSeconds</c>, <c>watch</c>, <c>allowWatchBookmarks</c>,
/// <c>sendInitialEvents</c>, checked as the server validates <c>ListOptions</c> (422 Invalid for combinations it forbids).
/// A continue token names the last object returned; the next page starts after it in the current state (the real server
/// serves later pages from a snapshot of the first page's resourceVersion; objects created meanwhile may show up here).
/// </summary>
internal sealed record ListQuery(LabelSelector Labels, FieldSelector Fields, int Limit, (string Namespace, string Name)? After, long ResourceVersion, TimeSpan? Timeout)
{
    /// <summary><c>?watch</c>: stream changes instead of answering a list.</summary>
    public bool Watch { get; init; }

    /// <summary><c>?allowWatchBookmarks</c>: the watch may carry BOOKMARK events.</summary>
    public bool AllowWatchBookmarks { get; init; }

    /// <summary><c>?sendInitialEvents</c> (null when absent): a watch starts with ADDED for the current state, then a bookmark.</summary>
    public bool? SendInitialEvents { get; init; }

    public static ListQuery From(HttpRequest request)
    {
        bool watch = QueryOptions.Flag(request, "watch");
        long limit = QueryOptions.Integer(request, "limit") ?? 0;
        string? versionText = QueryOptions.Text(request, "resourceVersion");
        long resourceVersion = 0;
        if (!string.IsNullOrEmpty(versionText) && !long.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out resourceVersion))
        {
            throw new StoreException(400, "BadRequest", $"invalid resource version: \"{versionText}\"");
        }

        long? timeoutSeconds = QueryOptions.Integer(request, "timeoutSeconds");
        string continueToken = QueryOptions.Text(request, "continue") ?? "";
        string? match = QueryOptions.Text(request, "resourceVersionMatch") is { Length: > 0 } given ? given : null;
        bool? sendInitialEvents = QueryOptions.OptionalFlag(request, "sendInitialEvents");
        string? problem = watch
            ? WatchProblem(match, sendInitialEvents, continueToken)
            : ListProblem(match, versionText, continueToken, sendInitialEvents);
        if (problem is not null)
        {
            throw QueryOptions.Invalid("ListOptions", problem);
        }

        return new ListQuery(
            LabelSelector.Parse(QueryOptions.Text(request, "labelSelector") ?? ""),
            FieldSelector.Parse(QueryOptions.Text(request, "fieldSelector") ?? ""),
            (int)Math.Clamp(limit, 0, int.MaxValue),
            DecodeContinue(continueToken),
            resourceVersion,
            timeoutSeconds is > 0 ? TimeSpan.FromSeconds(timeoutSeconds.Value) : null)
        {
            Watch = watch,
            AllowWatchBookmarks = QueryOptions.Flag(request, "allowWatchBookmarks"),
            SendInitialEvents = sendInitialEvents,
        };
    }

    private static string? ListProblem(string? match, string? resourceVersion, string continueToken, bool? sendInitialEvents)
    {
        if (match is not null)
        {
            if (string.IsNullOrEmpty(resourceVersion))
            {
                return "resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided";
            }

            if (continueToken.Length > 0)
            {
                return "resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden when continue is provided";
            }

            if (match is not "Exact" and not "NotOlderThan")
            {
                return $"resourceVersionMatch: Unsupported value: \"{match}\": supported values: \"Exact\", \"NotOlderThan\", \"\"";
            }

            if (match == "Exact" && resourceVersion == "0")
            {
                return "resourceVersionMatch: Forbidden: resourceVersionMatch \"exact\" is forbidden for resourceVersion \"0\"";
            }
        }

        return sendInitialEvents is null ? null : "sendInitialEvents: Forbidden: sendInitialEvents is forbidden for list";
    }

    private static string? WatchProblem(string? match, bool? sendInitialEvents, string continueToken)
    {
        if (sendInitialEvents is not null && match != "NotOlderThan")
        {
            return "resourceVersionMatch: Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan";
        }

        if (match is not null && sendInitialEvents is null)
        {
            return "resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided";
        }

        if (match is not null and not "NotOlderThan")
        {
            return $"resourceVersionMatch: Unsupported value: \"{match}\": supported values: \"NotOlderThan\"";
        }

        return match is not null && continueToken.Length > 0
            ? "resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden when continue is provided"
            : null;
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
