namespace Slipway.Gates;

/// <summary>The branch being deployed and where that was read (a CI variable or the local HEAD), and the work tree's uncommitted files.</summary>
public sealed record BranchEvidence(string? Name, string Source, IReadOnlyList<string> DirtyFiles)
{
    public bool IsDirty => DirtyFiles.Count > 0;
}
