namespace Slipway.Environments.Settings;

/// <summary>
/// <c>gitops</c>: <see cref="Repository"/> is a URL, a path, or <c>local</c> (a bare repository under
/// <c>.nuke/temp/</c>); <see cref="Branch"/> defaults to <c>main</c>, <see cref="Path"/> to <c>clusters/&lt;env&gt;</c>.
/// </summary>
public sealed record GitOpsSettings(string Repository, string Branch, string Path, GitOpsEngine Engine)
{
    public bool IsLocal => Repository == "local";
}
