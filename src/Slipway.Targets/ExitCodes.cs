namespace Slipway.Targets;

/// <summary>The process exit codes (DESIGN.md, "Exit codes").</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int TargetFailed = 1;
    public const int BadInput = 2;
    public const int Refused = 3;
    public const int Interrupted = 130;
}
