namespace Slipway.Releases;

/// <summary>
/// An emergency stop (<c>stops/&lt;env&gt;.yaml</c>, or <c>stops/_all.yaml</c> for every environment): the reconcilers it
/// suspended and the Deployments it scaled down, so Resume undoes exactly that; while it stands no deploy, SyncApps or
/// Rollback writes to the environment.
/// </summary>
public sealed record Stop
{
    /// <summary>The environment, or <see cref="GuardPaths.AllEnvironments"/> for a stop of every environment.</summary>
    public required string Scope { get; init; }

    public required string Reason { get; init; }

    public required string Who { get; init; }

    /// <summary>When the stop was set (UTC).</summary>
    public required DateTimeOffset Since { get; init; }

    public IReadOnlyList<SuspendedObject> Suspended { get; init; } = [];

    public IReadOnlyList<ScaledDeployment> ScaledDown { get; init; } = [];

    public bool IsGlobal => Scope == GuardPaths.AllEnvironments;

    /// <summary>Where the stop is recorded in the GitOps repository.</summary>
    public string File => GuardPaths.Stop(Scope);

    /// <summary>The command that lifts it.</summary>
    public string ResumeCommand => $"./build.sh Resume {(IsGlobal ? "--all" : $"--env {Scope}")} --reason \"...\"";

    public override string ToString()
        => $"{(IsGlobal ? "every environment" : Scope)} stopped since {Since.UtcDateTime:yyyy-MM-dd HH:mm} UTC by {Who}: {Reason}";
}
