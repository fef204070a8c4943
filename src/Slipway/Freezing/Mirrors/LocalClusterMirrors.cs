namespace Slipway.Freezing.Mirrors;

/// <summary>
/// The mirrors the local cluster serves, as a <see cref="MirrorMap"/>: every <c>https://</c>, <c>http://</c> and <c>oci://</c>
/// chart repository at <c>&lt;server&gt;/charts/&lt;host&gt;/&lt;path&gt;/index.yaml</c> (its chart mirror's layout; a
/// repository on a non-default port is not mapped, the mirror names those <c>host_port</c>), and the images of
/// <c>registry.local</c> at <c>&lt;server&gt;/v2/&lt;name&gt;</c> (its registry names repositories without the host).
/// </summary>
public static class LocalClusterMirrors
{
    /// <summary>The registry host whose images the local cluster's registry holds.</summary>
    public const string Registry = "registry.local";

    public static MirrorMap For(Uri server)
    {
        string root = server.GetLeftPart(UriPartial.Authority);
        var charts = new Uri(root + "/charts/");
        return new MirrorMap(
        [
            new("https://", charts),
            new("http://", charts),
            new("oci://", charts),
            new(Registry + "/", new Uri(root + "/")),
        ]);
    }
}
