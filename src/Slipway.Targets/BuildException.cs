namespace Slipway.Targets;

/// <summary>
/// An expected failure with a message for the user: printed without a stack trace, exits with <see cref="ExitCode"/>.
/// </summary>
public class BuildException : Exception
{
    public BuildException(string message, int exitCode = ExitCodes.TargetFailed, Exception? innerException = null)
        : base(message, innerException)
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; }
}
