namespace Slipway.Tests.EndToEnd;

/// <summary>One finished run of <c>build.sh</c>: what it was asked, how it exited, and all it printed (for assertion messages).</summary>
public sealed record BuildRun(string Arguments, int ExitCode, string Output)
{
    public override string ToString() => $"build.sh {Arguments} exited {ExitCode}:{Environment.NewLine}{Output}";
}
