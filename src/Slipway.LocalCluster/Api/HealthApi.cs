using System.Text;
using Microsoft.AspNetCore.Http;

namespace Slipway.LocalCluster.Api;

/// <summary>
/// <c>/healthz</c>, <c>/livez</c>, <c>/readyz</c> and their single checks (<c>/livez/ping</c>), answered as the real server's
/// health handler answers: <c>ok</c> as text/plain, or with <c>?verbose</c> one <c>[+]check ok</c> line per check and
/// <c>&lt;name&gt; check passed</c>; <c>?exclude=check</c> leaves a check out. The checks are what the local cluster has:
/// <c>ping</c>, <c>log</c>, <c>etcd</c> (the in-memory store) and, for readiness, <c>shutdown</c>, which fails once the
/// server is stopping (500 and the verbose list ending in <c>readyz check failed</c>).
/// </summary>
internal sealed class HealthApi(CancellationToken stopping)
{
    private static readonly string[] s_liveChecks = ["ping", "log", "etcd"];
    private static readonly string[] s_readyChecks = ["ping", "log", "etcd", "shutdown"];

    public Task HandleAsync(HttpContext context)
    {
        string[] segments = (context.Request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        string name = segments[0];
        string[] checks = name == "readyz" ? s_readyChecks : s_liveChecks;
        if (segments.Length == 2)
        {
            return checks.Contains(segments[1])
                ? WriteAsync(context, Passes(segments[1]) ? 200 : 500, Passes(segments[1]) ? "ok" : $"internal server error: {segments[1]} check failed\n")
                : ApiResponses.WriteStatusAsync(context, ApiResponses.NotFoundPath(context.Request.Path));
        }

        HashSet<string> excluded = [.. context.Request.Query["exclude"].Select(e => e ?? "")];
        bool healthy = checks.Where(c => !excluded.Contains(c)).All(Passes);
        if (healthy && !context.Request.Query.ContainsKey("verbose"))
        {
            return WriteAsync(context, 200, "ok");
        }

        var text = new StringBuilder();
        foreach (string check in checks)
        {
            text.Append(excluded.Contains(check) ? $"[+]{check} excluded: ok\n" : Passes(check) ? $"[+]{check} ok\n" : $"[-]{check} failed: reason withheld\n");
        }

        string[] unknown = [.. excluded.Where(e => !checks.Contains(e))];
        if (unknown.Length > 0)
        {
            text.Append("warn: some health checks cannot be excluded: no matches for ").AppendJoin(",", unknown.Select(u => $"\"{u}\"")).Append('\n');
        }

        text.Append(name).Append(healthy ? " check passed" : " check failed\n");
        return WriteAsync(context, healthy ? 200 : 500, text.ToString());
    }

    private bool Passes(string check) => check != "shutdown" || !stopping.IsCancellationRequested;

    private static async Task WriteAsync(HttpContext context, int code, string body)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        await context.Response.WriteAsync(body, context.RequestAborted);
    }
}
