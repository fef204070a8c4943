namespace Slipway.GitOps;

/// <summary>The <c>gitops</c> settings of an environment, as the environment loader hands them over.</summary>
/// <param name="Repository"><c>local</c> for a bare repository under <c>.nuke/temp/</c>, else the remote's URL or path.</param>
/// <param name="Branch">The branch the cluster follows.</param>
/// <param name="Engine">Flux or Argo CD.</param>
public sealed record GitOpsSettings(string Repository = GitOpsSettings.Local, string Branch = "main", GitOpsEngine Engine = GitOpsEngine.Flux)
{
    public const string Local = "local";

    /// <summary>The environment variable holding the token for an https remote.</summary>
    public string TokenVariable { get; init; } = "SLIPWAY_GITOPS_TOKEN";

    /// <summary>The limit for one clone, fetch or push.</summary>
    public TimeSpan NetworkTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
