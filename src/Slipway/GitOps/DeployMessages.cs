using Slipway.GitOps.Git;
namespace Slipway.GitOps;

/// <summary>The commit subjects of GitOps changes.</summary>
public static class DeployMessages
{
    /// <summary><c>deploy(staging): web staging-122 -> staging-123, api 1.4.0 -> 1.5.0</c>.</summary>
    public static ChangeDescription Deploy(string environment, IReadOnlyList<VersionChange> changes)
        => Describe("deploy", environment, changes, "render app manifests");

    /// <summary><c>platform(staging): ingress-nginx 4.11.2 -> 4.11.3</c>.</summary>
    public static ChangeDescription Platform(string environment, IReadOnlyList<VersionChange> changes)
        => Describe("platform", environment, changes, "render platform manifests");

    private static ChangeDescription Describe(string type, string environment, IReadOnlyList<VersionChange> changes, string otherwise)
        => new(changes.Count == 0
            ? $"{type}({environment}): {otherwise}"
            : $"{type}({environment}): {string.Join(", ", changes)}");
}
