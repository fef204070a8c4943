using System.Globalization;
using Microsoft.AspNetCore.Http;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Api;

/// <summary>
/// Reads query parameters as the real API server decodes them into <c>ListOptions</c>, <c>CreateOptions</c>,
/// <c>DeleteOptions</c> … (apimachinery's <c>runtime.Convert_Slice_string_To_*</c>): the first value of a repeated
/// parameter counts; a boolean option is false when absent, <c>0</c> or <c>false</c> in any case and true for anything
/// else (<c>True</c>, <c>t</c>, an empty value); integers are Go's <c>ParseInt</c>. A value that does not decode is a 400
/// BadRequest naming the parameter; a value that decodes but is not allowed is a 422 Invalid, as the server's option
/// validation answers.
/// </summary>
internal static class QueryOptions
{
    private static readonly string[] s_prettyUserAgents = ["curl", "Wget", "Mozilla/5.0"];

    /// <summary>A boolean option (<c>watch</c>, <c>allowWatchBookmarks</c>, <c>force</c>, <c>orphanDependents</c> …).</summary>
    public static bool Flag(HttpRequest request, string name) => OptionalFlag(request, name) ?? false;

    /// <summary>A boolean option whose absence means something of its own (<c>sendInitialEvents</c>): null when absent.</summary>
    public static bool? OptionalFlag(HttpRequest request, string name)
        => First(request, name) is string value
            ? value != "0" && !value.Equals("false", StringComparison.OrdinalIgnoreCase)
            : null;

    /// <summary>
    /// <c>?pretty</c>: Go's <c>strconv.ParseBool</c> (anything it does not accept is false), and pretty by default for
    /// curl, Wget and browsers, as the server's content negotiation decides.
    /// </summary>
    public static bool Pretty(HttpRequest request)
    {
        if (First(request, "pretty") is string value)
        {
            return value is "1" or "t" or "T" or "TRUE" or "true" or "True";
        }

        string userAgent = request.Headers.UserAgent.ToString();
        return s_prettyUserAgents.Any(prefix => userAgent.StartsWith(prefix, StringComparison.Ordinal));
    }

    /// <summary>A 64-bit integer option (<c>limit</c>, <c>timeoutSeconds</c>, <c>gracePeriodSeconds</c>); null when absent.</summary>
    public static long? Integer(HttpRequest request, string name)
    {
        if (First(request, name) is not string value)
        {
            return null;
        }

        return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long parsed)
            ? parsed
            : throw ApiResponses.BadRequest($"invalid value for query parameter \"{name}\": strconv.ParseInt: parsing \"{value}\": invalid syntax");
    }

    /// <summary>A text option; null when absent.</summary>
    public static string? Text(HttpRequest request, string name) => First(request, name);

    /// <summary>
    /// <c>?dryRun</c>: absent means a real write; <c>All</c> (possibly repeated) a dry run; anything else is 422 Invalid, as
    /// the server validates <c>CreateOptions</c>, <c>UpdateOptions</c>, <c>PatchOptions</c> and <c>DeleteOptions</c>.
    /// </summary>
    public static bool DryRun(HttpRequest request, string optionsKind)
    {
        string?[] values = request.Query["dryRun"].ToArray();
        if (values.Length == 0)
        {
            return false;
        }

        if (values.All(v => v == "All"))
        {
            return true;
        }

        string given = string.Join(", ", values.Select(v => $"\"{v}\""));
        throw Invalid(optionsKind, $"dryRun: Unsupported value: []string{{{given}}}: supported values: \"All\"");
    }

    /// <summary><c>?fieldManager</c>: at most 128 printable characters (the server's <c>ValidateFieldManager</c>); null when absent.</summary>
    public static string? FieldManager(HttpRequest request, string optionsKind)
    {
        string? manager = First(request, "fieldManager");
        if (manager is { Length: > 128 })
        {
            throw Invalid(optionsKind, $"fieldManager: Too long: may not be more than 128 bytes");
        }

        if (manager is not null && manager.Any(char.IsControl))
        {
            throw Invalid(optionsKind, $"fieldManager: Invalid value: \"{manager}\": must only contain printable characters");
        }

        return manager;
    }

    /// <summary>
    /// The delete options given as query parameters: <c>propagationPolicy</c> (<c>Orphan</c>, <c>Background</c>,
    /// <c>Foreground</c>), <c>gracePeriodSeconds</c> (≥ 0), <c>orphanDependents</c> (not together with a policy), and dryRun.
    /// Deletes are immediate here and always propagate in the background; the options are checked, not honoured beyond that.
    /// </summary>
    public static void CheckDelete(HttpRequest request)
    {
        const string kind = "DeleteOptions";
        DryRun(request, kind);
        string? policy = First(request, "propagationPolicy");
        if (policy is not null and not "Orphan" and not "Background" and not "Foreground")
        {
            throw Invalid(kind, $"propagationPolicy: Unsupported value: \"{policy}\": supported values: \"Foreground\", \"Background\", \"Orphan\", \"nil\"");
        }

        if (Integer(request, "gracePeriodSeconds") is < 0)
        {
            throw Invalid(kind, "gracePeriodSeconds: Invalid value: must be greater than or equal to 0");
        }

        if (policy is not null && OptionalFlag(request, "orphanDependents") is not null)
        {
            throw Invalid(kind, "propagationPolicy: Invalid value: \"" + policy + "\": orphanDependents and deletionPropagation cannot be both set");
        }
    }

    /// <summary>The 422 the server answers for options that decode but are not allowed.</summary>
    public static StoreException Invalid(string optionsKind, string details)
        => new(422, "Invalid", $"{optionsKind}.meta.k8s.io \"\" is invalid: {details}");

    private static string? First(HttpRequest request, string name)
        => request.Query.TryGetValue(name, out Microsoft.Extensions.Primitives.StringValues values) && values.Count > 0 ? values[0] ?? "" : null;
}
