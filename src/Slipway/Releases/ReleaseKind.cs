namespace Slipway.Releases;

/// <summary>What made a release: a deploy, a rollback, or a resume that moved a held app on.</summary>
public enum ReleaseKind
{
    Deploy,
    Rollback,
    Resume,
}
