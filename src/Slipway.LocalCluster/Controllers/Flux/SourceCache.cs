namespace Slipway.LocalCluster.Controllers.Flux;

/// <summary>Where a GitRepository's fetched objects live: <c>&lt;cache&gt;/gitrepository/&lt;namespace&gt;/&lt;name&gt;</c> (a bare repository).</summary>
internal static class SourceCache
{
    public static string GitRepositoryPath(string cacheDirectory, string @namespace, string name)
        => Path.Combine(cacheDirectory, "gitrepository", @namespace, name);
}
