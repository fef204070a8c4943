namespace Slipway.LocalCluster.Controllers.Flux;

/// <summary>
/// Where sources keep what they fetched: a GitRepository's objects in <c>&lt;cache&gt;/gitrepository/&lt;namespace&gt;/&lt;name&gt;</c>
/// (a bare repository), a HelmRepository's index artifacts in <c>&lt;cache&gt;/helmrepository/&lt;namespace&gt;/&lt;name&gt;/index-&lt;sha256&gt;.yaml</c>.
/// </summary>
internal static class SourceCache
{
    public static string GitRepositoryPath(string cacheDirectory, string @namespace, string name)
        => Path.Combine(cacheDirectory, "gitrepository", @namespace, name);

    public static string HelmRepositoryIndexPath(string cacheDirectory, string @namespace, string name, string sha256)
        => Path.Combine(cacheDirectory, "helmrepository", @namespace, name, $"index-{sha256}.yaml");
}
