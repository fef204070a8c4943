namespace Slipway.LocalCluster.Hosting;

/// <summary>
/// Several named local clusters in one shared folder (normally <c>.nuke/temp/local-cluster</c>): each cluster has its own
/// state folder <c>&lt;shared&gt;/&lt;name&gt;/</c> (state, lock, endpoint, clients lock) and its own API server, and its
/// own context <c>slipway-&lt;name&gt;</c> in the one kubeconfig <c>&lt;shared&gt;/kubeconfig</c>; the image catalogue
/// <c>&lt;shared&gt;/images.yaml</c> (and the repository's chart mirror) is the one all of them read.
/// </summary>
public static class LocalClusterLayout
{
    /// <summary>The prefix of every cluster's context (and cluster and user) name: <c>slipway-staging</c>.</summary>
    public const string ContextPrefix = "slipway-";

    /// <summary>
    /// The names of the shared folder's own files, and of the files the single cluster of earlier versions kept there: a
    /// cluster of one of these names would put its state folder where they are.
    /// </summary>
    public static IReadOnlyList<string> ReservedNames { get; } =
    [
        Kubeconfig.FileName, Kubeconfig.FileName + ".lock", LocalClusterOptions.ImageCatalogFileName,
        StateFile.FileName, StateLock.FileName, ClientsLock.FileName, EndpointFile.FileName,
    ];

    public static string ContextName(string name) => ContextPrefix + name;

    public static string KubeconfigPath(string sharedDirectory) => Path.Combine(sharedDirectory, Kubeconfig.FileName);

    public static string ImageCatalogPath(string sharedDirectory) => Path.Combine(sharedDirectory, LocalClusterOptions.ImageCatalogFileName);

    /// <summary>The state folder of cluster <paramref name="name"/>.</summary>
    /// <exception cref="SlipwayException">Bad input (exit 2): the name is not a folder name of its own, or is one of <see cref="ReservedNames"/>.</exception>
    public static string StateDirectory(string sharedDirectory, string name)
    {
        Require(name);
        return Path.Combine(sharedDirectory, name);
    }

    /// <summary>The options of cluster <paramref name="name"/> in <paramref name="sharedDirectory"/>: its state folder, the shared kubeconfig and catalogue.</summary>
    public static LocalClusterOptions Options(string sharedDirectory, string name) => new()
    {
        StateDirectory = StateDirectory(sharedDirectory, name),
        KubeconfigPath = KubeconfigPath(sharedDirectory),
        ImageCatalogPath = ImageCatalogPath(sharedDirectory),
        ContextName = ContextName(name),
    };

    /// <exception cref="SlipwayException">Bad input (exit 2), naming the clash.</exception>
    public static void Require(string name)
    {
        if (ReservedNames.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            throw SlipwayException.Input(
                $"A local cluster cannot be named '{name}': its state folder .nuke/temp/local-cluster/{name} would be the shared file of that name "
                + $"(reserved: {string.Join(", ", ReservedNames)}). Rename the environment (environments/{name}/), or give it cluster.kubeconfig instead of cluster.local.");
        }

        if (string.IsNullOrEmpty(name) || name.Length > 63 || !name.All(static c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') || name[0] == '-' || name[^1] == '-')
        {
            throw SlipwayException.Input($"'{name}' cannot name a local cluster: use 1-63 characters a-z, 0-9 and '-', starting and ending with a letter or digit.");
        }
    }
}
