namespace Slipway.Releases;

/// <summary>
/// Where the guards of an environment live in the GitOps repository, beside <c>releases/</c>: the holds a rollback sets
/// (<c>holds/&lt;env&gt;.yaml</c>), and, later, the emergency stops (<c>stops/&lt;env&gt;.yaml</c>).
/// </summary>
public static class GuardPaths
{
    public static string Holds(string environment) => $"holds/{environment}.yaml";
}
