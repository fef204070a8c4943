namespace Slipway.Releases;

/// <summary>
/// Where the guards of an environment live in the GitOps repository, beside <c>releases/</c>: the holds a rollback sets
/// (<c>holds/&lt;env&gt;.yaml</c>) and the emergency stops (<c>stops/&lt;env&gt;.yaml</c>, <c>stops/_all.yaml</c>).
/// </summary>
public static class GuardPaths
{
    /// <summary>The scope of a stop of every environment (no environment name has an underscore).</summary>
    public const string AllEnvironments = "_all";

    public static string Holds(string environment) => $"holds/{environment}.yaml";

    /// <summary>The stop of <paramref name="scope"/>: an environment, or <see cref="AllEnvironments"/>.</summary>
    public static string Stop(string scope) => $"stops/{scope}.yaml";
}
