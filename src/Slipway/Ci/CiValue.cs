namespace Slipway.Ci;

/// <summary>Where a job's environment variable gets its value from.</summary>
public enum CiValueKind
{
    /// <summary>An input of the manual pipeline (<see cref="CiValue.Name"/> is the input's name).</summary>
    Input,

    /// <summary>A repository secret (GitHub <c>secrets.NAME</c>; on GitLab a masked CI/CD variable of the same name, so nothing is written).</summary>
    Secret,

    /// <summary>The job's matrix value (<see cref="CiValue.Name"/> is the matrix key).</summary>
    Matrix,

    /// <summary>The commit a pull/merge request is compared with.</summary>
    BaseCommit,

    /// <summary>A fixed text.</summary>
    Literal,

    /// <summary>The review environment of the pull/merge request's branch, as the CI system names it (<c>review/&lt;branch&gt;</c>).</summary>
    ReviewEnvironment,
}

/// <summary>The value of a job's environment variable: an input, a secret, the matrix value, the base commit or a literal.</summary>
public sealed record CiValue(CiValueKind Kind, string Name)
{
    public static CiValue Input(string name) => new(CiValueKind.Input, name);

    public static CiValue Secret(string name) => new(CiValueKind.Secret, name);

    public static CiValue Matrix(string key) => new(CiValueKind.Matrix, key);

    public static CiValue BaseCommit { get; } = new(CiValueKind.BaseCommit, "base");

    public static CiValue Literal(string text) => new(CiValueKind.Literal, text);

    public static CiValue ReviewEnvironment { get; } = new(CiValueKind.ReviewEnvironment, "review");
}
