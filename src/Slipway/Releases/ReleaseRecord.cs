namespace Slipway.Releases;

/// <summary>One release of an environment, as recorded in <c>releases/&lt;env&gt;.yaml</c> of the GitOps repository.</summary>
/// <param name="Id"><c>&lt;env&gt;-&lt;n&gt;</c>, n increasing by one per release.</param>
/// <param name="Time">When it was recorded (UTC, from the injected <see cref="TimeProvider"/>).</param>
/// <param name="Who">Who deployed it (CI actor or local user).</param>
/// <param name="SourceCommit">The configuration repository's commit that was deployed.</param>
/// <param name="GitOpsCommit">The GitOps commit the cluster ran when verified.</param>
/// <param name="RunId">The CI run or local run id.</param>
/// <param name="Verified">True when Verify passed for it.</param>
/// <param name="Apps">App name → <c>image:tag</c>.</param>
/// <param name="Charts">Platform release name → chart version.</param>
public sealed record ReleaseRecord(
    string Id,
    DateTimeOffset Time,
    string Who,
    string SourceCommit,
    string GitOpsCommit,
    string RunId,
    bool Verified,
    IReadOnlyDictionary<string, string> Apps,
    IReadOnlyDictionary<string, string> Charts)
{
    /// <summary>The n of <c>&lt;env&gt;-&lt;n&gt;</c>, or 0 when the id has another shape.</summary>
    public int Number => int.TryParse(Id.AsSpan(Id.LastIndexOf('-') + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) ? n : 0;
}
