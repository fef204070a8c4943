namespace Slipway.Releases;

/// <summary>A tag an app's manifest was set to in the GitOps history: which commit, when, by whom.</summary>
public sealed record AppVersion(string App, string Image, string Tag, string CommitSha, DateTimeOffset Time, string Who)
{
    public string ImageReference => $"{Image}:{Tag}";

    public string ShortSha => CommitSha.Length > 12 ? CommitSha[..12] : CommitSha;
}
