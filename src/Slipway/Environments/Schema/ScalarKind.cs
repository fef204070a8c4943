namespace Slipway.Environments.Schema;

public enum ScalarKind
{
    /// <summary>Any scalar, read as text.</summary>
    String,

    Boolean,

    Integer,

    /// <summary><c>90s</c>, <c>5m</c>, <c>1h30m</c>, <c>2d</c>, <c>500ms</c>.</summary>
    Duration,

    /// <summary>An absolute http(s) URL.</summary>
    Url,

    /// <summary>A path relative to the repository root that stays inside it.</summary>
    RelativePath,

    /// <summary>A string matching <see cref="ScalarSchema.Pattern"/>.</summary>
    Pattern,

    /// <summary>A <see cref="Duration"/> longer than zero (a timeout, a poll interval, a maximum age).</summary>
    PositiveDuration,

    /// <summary>An OCI image tag (<see cref="Environments.ImageTag"/>).</summary>
    ImageTag,

    /// <summary>A name Git accepts for a branch (<see cref="GitBranchName"/>).</summary>
    BranchName,
}
