namespace Slipway.GitOps.Git;

/// <summary>What an edit of the GitOps work tree changed, for the commit message.</summary>
/// <param name="Subject">The first line, e.g. <c>deploy(staging): web staging-122 -> staging-123</c>.</param>
/// <param name="Body">Optional detail lines.</param>
public sealed record ChangeDescription(string Subject, string? Body = null);
