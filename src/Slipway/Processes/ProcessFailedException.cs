namespace Slipway.Processes;

/// <summary>A process exited with a code its caller did not accept; carries the code and the (masked) output.</summary>
public sealed class ProcessFailedException : SlipwayException
{
    public ProcessFailedException(string commandLine, ProcessResult result, bool outputShown = false)
        : base(FailureKind.Failed, $"'{commandLine}' exited with code {result.ExitCode}.{(outputShown ? " See its output above." : FormatTail(result))}")
    {
        CommandLine = commandLine;
        Result = result;
    }

    public string CommandLine { get; }

    public ProcessResult Result { get; }

    private static string FormatTail(ProcessResult result)
    {
        string text = string.IsNullOrWhiteSpace(result.StandardError) ? result.StandardOutput : result.StandardError;
        text = text.Trim();
        if (text.Length == 0)
        {
            return string.Empty;
        }

        const int MaxLength = 4000;
        if (text.Length > MaxLength)
        {
            text = "…" + text[^MaxLength..];
        }

        return Environment.NewLine + text;
    }
}
