namespace Slipway.Processes;

/// <summary>What a finished process printed and how it exited; output is already masked.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError, TimeSpan Duration);
