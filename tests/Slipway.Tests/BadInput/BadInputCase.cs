namespace Slipway.Tests.BadInput;

/// <summary>
/// One bad input or fault: what to break in a clean clone (<see cref="Arrange"/>), what to run, and what a user must see —
/// the exit code and the fragments that name the file:line or parameter and the fix. The harness adds the checks every case
/// shares: no stack trace, no exception type name, and nothing written (work tree, GitOps repository, <c>.nuke/temp</c>).
/// </summary>
public sealed record BadInputCase(string Name, string Arguments, int ExitCode, params string[] Expected)
{
    /// <summary>Breaks the clone before the run (edits files under its root); undone after the case by <c>git checkout</c>.</summary>
    public Func<string, Task>? Arrange { get; init; }

    /// <summary>Environment variables for the run (as a shell would pass them).</summary>
    public IReadOnlyDictionary<string, string?> Variables { get; init; } = new Dictionary<string, string?>();

    /// <summary>Paths under the clone (prefixes, forward slashes) whose changes this case allows, e.g. a cache it may refresh.</summary>
    public IReadOnlyList<string> MayWrite { get; init; } = [];

    public override string ToString() => Name;
}
