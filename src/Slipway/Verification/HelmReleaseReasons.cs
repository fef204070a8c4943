namespace Slipway.Verification;

/// <summary>
/// The <c>Ready=False</c> reasons a Flux HelmRelease carries (helm-controller v2) that Slipway acts on, in one place: the
/// rollout rules (failed, not progressing), the verifier (fail now rather than wait) and the retry of a failed release
/// (a new request, <c>forceAt</c>, <c>resetAt</c>) read the same lists.
/// </summary>
public static class HelmReleaseReasons
{
    /// <summary>A Helm action failed, or remediation ran after one: nothing changes without a new request.</summary>
    public static bool IsFailedAction(string? reason)
        => reason is "InstallFailed" or "UpgradeFailed" or "RollbackSucceeded" or "RollbackFailed" or "UninstallSucceeded"
            or "UninstallFailed" or "TestFailed" or "RetriesExceeded";

    /// <summary>The chart cannot be had: its source artifact failed, or the chart or version does not exist.</summary>
    public static bool IsSourceFailure(string? reason) => reason is "ArtifactFailed" or "ChartNotFound";

    /// <summary>Either: the release failed, as opposed to still progressing.</summary>
    public static bool IsFailure(string? reason) => IsFailedAction(reason) || IsSourceFailure(reason);
}
