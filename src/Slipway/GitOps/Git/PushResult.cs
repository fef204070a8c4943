namespace Slipway.GitOps.Git;

/// <summary>The outcome of a change-and-push.</summary>
/// <param name="CommitSha">The commit the branch points at now: the pushed one, or the unchanged head when there was nothing to commit.</param>
/// <param name="Changed">False when the edit changed nothing, so nothing was committed or pushed.</param>
/// <param name="Message">The commit message pushed; null when nothing changed.</param>
/// <param name="Attempts">How many times the edit ran (more than one after lost races).</param>
public sealed record PushResult(string CommitSha, bool Changed, string? Message, int Attempts)
{
    public string ShortSha => CommitSha.Length > 12 ? CommitSha[..12] : CommitSha;
}
