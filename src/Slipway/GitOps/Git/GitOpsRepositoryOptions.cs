namespace Slipway.GitOps.Git;

/// <summary>Where the GitOps repository lives and how Slipway talks to it.</summary>
/// <param name="RemoteUrl">The remote: an https/ssh/git URL, a <c>file://</c> URL or a path to a bare repository.</param>
/// <param name="Branch">The branch the cluster follows.</param>
/// <param name="WorkDirectory">The local clone, a cache (<c>&lt;root&gt;/.nuke/temp/gitops</c>).</param>
public sealed record GitOpsRepositoryOptions(string RemoteUrl, string Branch, string WorkDirectory)
{
    /// <summary>The environment variable holding the token for https remotes; never printed.</summary>
    public string TokenVariable { get; init; } = "SLIPWAY_GITOPS_TOKEN";

    /// <summary>The token for https remotes when given as a parameter (it wins over <see cref="TokenVariable"/>); never printed.</summary>
    public string? Token { get; init; }

    /// <summary>The limit for one clone, fetch or push.</summary>
    public TimeSpan NetworkTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How many times a change is pushed in all when it keeps losing races with other pushers. Each lost race means another
    /// push landed, so the bound grows with how many runs push at once: ten deploys of different environments racing
    /// (each pushing its platform, apps and release) needed up to 8 attempts for one push here; 5 was not enough.
    /// </summary>
    public int MaxPushAttempts { get; init; } = 20;

    /// <summary>The first wait before pushing again after a lost race; it doubles (with jitter) each time, up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest wait between two attempts, so a run that lost many races is not starved by its own backoff.</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Without the token: a record prints every property.</summary>
    public override string ToString() => $"GitOpsRepositoryOptions {{ RemoteUrl = {RemoteUrls.Redact(RemoteUrl)}, Branch = {Branch} }}";
}
