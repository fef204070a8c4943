namespace Slipway.Targets;

/// <summary>How the engine treats an exception a target threw: which exit code, and whether it is expected (no stack trace).</summary>
public sealed record FailureInfo(int ExitCode, bool IsExpected);
