namespace Slipway.Ci;

/// <summary>
/// An input of a manual pipeline (<c>workflow_dispatch.inputs</c>, a GitLab pipeline variable). It reaches the build
/// only as the environment variable <see cref="Variable"/> (<c>SLIPWAY_ENV</c>), never spliced into a shell line.
/// </summary>
public sealed record CiInput(string Name, string Description, string Variable)
{
    public bool Required { get; init; }

    /// <summary>The choices offered (GitHub <c>type: choice</c>); empty for free text.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];
}
