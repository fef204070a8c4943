using System.Diagnostics;
using System.Text;
using CliWrap;

namespace Slipway.Processes;

/// <summary>
/// Runs processes with argument lists (CliWrap, never a shell string), a timeout, masked output and
/// clean cancellation: the process gets SIGINT first so it can release what it holds, and is killed
/// with its tree when the grace period runs out.
/// </summary>
public sealed partial class ProcessRunner : IProcessRunner
{
    public async Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken cancellationToken)
    {
        string commandLine = SecretText.Redact(FormatCommandLine(request), request.Secrets);
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        StringBuilder? unmasked = request.KeepsOutputUnmasked ? new StringBuilder() : null;
        object gate = new();

        void OnLine(StringBuilder target, string line)
        {
            string masked = SecretText.Redact(line, request.Secrets);
            lock (gate)
            {
                target.AppendLine(masked);
                if (target == stdout)
                {
                    unmasked?.AppendLine(line);
                }
            }

            request.OnOutputLine?.Invoke(masked);
        }

        Command command = WithRequest(Cli.Wrap(request.FileName), request)
            .WithStandardOutputPipe(PipeTarget.ToDelegate(line => OnLine(stdout, line)))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(line => OnLine(stderr, line)));

        using var timeout = new CancellationTokenSource(request.Timeout);
        using var graceful = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var forceful = new CancellationTokenSource();
        using CancellationTokenRegistration escalate = graceful.Token.Register(() => forceful.CancelAfter(request.GracePeriod));

        var stopwatch = Stopwatch.StartNew();
        try
        {
            CommandResult result = await command.ExecuteAsync(forceful.Token, graceful.Token).ConfigureAwait(false);
            var processResult = new ProcessResult(result.ExitCode, stdout.ToString(), stderr.ToString(), stopwatch.Elapsed);
            if (!request.IsSuccess(result.ExitCode))
            {
                throw new ProcessFailedException(commandLine, processResult, outputShown: request.OnOutputLine is not null);
            }

            return unmasked is null ? processResult : processResult with { StandardOutput = unmasked.ToString() };
        }
        catch (Exception ex) when (StartFailure(request, ex) is { } failure)
        {
            throw failure;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new SlipwayException(FailureKind.Failed, $"'{commandLine}' did not finish within {request.Timeout.TotalSeconds:0}s and was stopped.");
        }
    }

    public static string FormatCommandLine(ProcessRequest request)
        => string.Join(' ', new[] { request.FileName }.Concat(request.Arguments).Select(Quote));

    private static string Quote(string argument)
        => argument.Length == 0 || argument.Any(static c => char.IsWhiteSpace(c) || c == '"' || c == '\'')
            ? "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'"
            : argument;
}
