namespace Slipway.GitOps.Git;

/// <summary>Helpers for remote addresses: a display form without credentials, and paths made absolute.</summary>
internal static class RemoteUrls
{
    /// <summary>The URL with any user info replaced by <c>***</c>, safe to print.</summary>
    public static string Redact(string url)
        => Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) && !uri.IsFile && uri.UserInfo.Length > 0
            ? url.Replace(uri.UserInfo + "@", "***@", StringComparison.Ordinal)
            : url;

    /// <summary>A local path is made absolute; URLs (scheme://, scp-like user@host:path) are kept.</summary>
    public static string Normalize(string url)
        => url.Contains("://", StringComparison.Ordinal) || (url.Contains('@') && url.Contains(':')) ? url : Path.GetFullPath(url);

    public static bool IsHttp(string url) => url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
