namespace Slipway.Cluster;

/// <summary>What <see cref="FluxSync.ReconcileAndWaitAsync"/> waits for: the Kustomization to apply <c>&lt;branch&gt;@sha1:&lt;commit&gt;</c>.</summary>
/// <param name="Kustomization">The Kustomization in <c>flux-system</c> (named after the environment).</param>
/// <param name="Source">The GitRepository it reads, annotated as well.</param>
/// <param name="Branch">The branch the GitRepository follows.</param>
/// <param name="Commit">The pushed commit.</param>
public sealed record FluxReconcileRequest(string Kustomization, string Source, string Branch, string Commit)
{
    /// <summary>How long to wait before failing with where the Kustomization stands.</summary>
    public required TimeSpan Timeout { get; init; }

    public ILog Log { get; init; } = NullLog.Instance;

    /// <summary>
    /// Whether an applied commit of the branch that is not <see cref="Commit"/> has it in its history. Flux applies the
    /// branch's newest commit: when other runs push right after this one, the Kustomization applies a later commit that
    /// includes this change and never this commit alone. Without it only the exact commit ends the wait.
    /// </summary>
    public Func<string, CancellationToken, Task<bool>>? Includes { get; init; }
}
