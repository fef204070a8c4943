namespace Slipway.Gates;

/// <summary>Whose approvals to read on GitHub: the deployed commit and branch, and the run and environment whose environment approvals count.</summary>
public sealed record GitHubApprovalQuery(string Sha, string Branch, long? RunId, string? Environment);
