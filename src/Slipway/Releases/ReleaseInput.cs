namespace Slipway.Releases;

/// <summary>What a run records after Verify: everything of a <see cref="ReleaseRecord"/> but its id and time.</summary>
public sealed record ReleaseInput(
    string Who,
    string SourceCommit,
    string GitOpsCommit,
    string RunId,
    bool Verified,
    IReadOnlyDictionary<string, string> Apps,
    IReadOnlyDictionary<string, string> Charts);
