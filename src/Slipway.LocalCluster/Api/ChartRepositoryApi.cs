using System.Text;
using Microsoft.AspNetCore.Http;
using Slipway.Freezing.Charts;
using Slipway.LocalCluster.Charts;

namespace Slipway.LocalCluster.Api;

/// <summary>
/// The Helm chart repositories of the local cluster over HTTP: <c>GET|HEAD /charts/&lt;host&gt;/&lt;path&gt;/index.yaml</c>
/// serves the mirror's index of the repository <c>https://&lt;host&gt;/&lt;path&gt;</c> (see <see cref="ChartMirror"/>)
/// as a repository serves it. 404 when the repository is not mirrored; 500 naming the file and line when its index
/// is malformed. There are no chart archives.
/// </summary>
internal sealed class ChartRepositoryApi
{
    public const string Prefix = "/charts/";

    private readonly ChartMirror? _mirror;

    public ChartRepositoryApi(ChartMirror? mirror)
    {
        _mirror = mirror;
    }

    /// <summary>Where the index of a repository URL is served, relative to the server's base address; null for a URL no mirror can hold.</summary>
    public static string? IndexPathOf(string repositoryUrl)
        => ChartMirror.KeyOf(repositoryUrl) is string key ? $"{Prefix.TrimStart('/')}{key}/{ChartMirror.IndexFileName}" : null;

    public async Task HandleAsync(HttpContext context)
    {
        string path = context.Request.Path.Value ?? string.Empty;
        bool head = HttpMethods.IsHead(context.Request.Method);
        if (!head && !HttpMethods.IsGet(context.Request.Method))
        {
            await WriteAsync(context, 405, "text/plain", "the local chart repositories are read-only; publish with ./build.sh PublishChart", head);
            return;
        }

        string suffix = "/" + ChartMirror.IndexFileName;
        string key = path.StartsWith(Prefix, StringComparison.Ordinal) && path.EndsWith(suffix, StringComparison.Ordinal)
            ? path[Prefix.Length..^suffix.Length]
            : string.Empty;
        if (_mirror is null || key.Length == 0 || key.Split('/').Any(s => s is "" or "." or "..")
            || await _mirror.ReadAsync(key, context.RequestAborted) is not (string text, string file))
        {
            await WriteAsync(context, 404, "text/plain", $"404 Not Found: no chart repository is mirrored at {path}", head);
            return;
        }

        try
        {
            ChartIndex.Parse(text, _mirror.Display(file));
        }
        catch (ChartIndexException malformed)
        {
            await WriteAsync(context, 500, "text/plain", malformed.Message, head);
            return;
        }

        await WriteAsync(context, 200, "application/x-yaml", text, head);
    }

    private static async Task WriteAsync(HttpContext context, int status, string contentType, string body, bool head)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        if (!head)
        {
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        }
    }
}
