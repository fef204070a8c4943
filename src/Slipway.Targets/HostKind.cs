namespace Slipway.Targets;

/// <summary>Where the build runs; decides log grouping and whether it is a local build.</summary>
public enum HostKind
{
    Terminal,
    GitHubActions,
    GitLab,
}
