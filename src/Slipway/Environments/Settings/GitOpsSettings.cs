namespace Slipway.Environments.Settings;

/// <summary>
/// <c>gitops</c>: <see cref="Repository"/> is a URL, a path, or <c>local</c> (a bare repository under
/// <c>.nuke/temp/</c>); <see cref="Branch"/> defaults to <c>main</c>, <see cref="Path"/> to <c>clusters/&lt;env&gt;</c>;
/// <see cref="Engine"/> is <c>flux</c> (default) or <c>argocd</c>, as the schema allows.
/// </summary>
public sealed record GitOpsSettings(string Repository, string Branch, string Path, string Engine)
{
    public const string LocalRepository = "local";

    public const string ArgoCdEngine = "argocd";

    public bool IsLocal => Repository == LocalRepository;

    public bool IsArgoCd => Engine == ArgoCdEngine;
}
