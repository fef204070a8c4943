namespace Slipway.GitOps.Git;

/// <summary>One version of a file in the GitOps branch's history: the commit that set it and the text it set.</summary>
/// <param name="CommitSha">The commit whose tree entry for the path differs from its parents'.</param>
/// <param name="Time">The commit's author time.</param>
/// <param name="Author">The commit's author name.</param>
/// <param name="Subject">The first line of the commit message.</param>
/// <param name="Text">The file's text at that commit; null when the commit deleted it.</param>
public sealed record FileVersion(string CommitSha, DateTimeOffset Time, string Author, string Subject, string? Text)
{
    public string ShortSha => CommitSha.Length > 12 ? CommitSha[..12] : CommitSha;
}
