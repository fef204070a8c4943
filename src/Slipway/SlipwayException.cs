namespace Slipway;

/// <summary>
/// An expected failure: its message is for the user and names the thing to fix (file and line,
/// parameter, or the command to run next). The CLI prints the message without a stack trace and
/// exits with the code of <see cref="Kind"/>.
/// </summary>
public class SlipwayException : Exception
{
    public SlipwayException(FailureKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    public FailureKind Kind { get; }

    public static SlipwayException Input(string message) => new(FailureKind.Input, message);

    public static SlipwayException Refused(string message) => new(FailureKind.Refused, message);

    public static SlipwayException Failed(string message, Exception? inner = null) => new(FailureKind.Failed, message, inner);
}
