using System.IO.Pipelines;
using System.Text;
using CliWrap;

namespace Slipway.Processes;

public sealed partial class ProcessRunner
{
    public RunningProcess Start(ProcessRequest request, CancellationToken cancellationToken)
    {
        var input = new Pipe();
        var output = new Pipe();
        return new RunningProcess(input.Writer.AsStream(), output.Reader.AsStream(), stop => RunStreamingAsync(request, input.Reader, output.Writer, stop, cancellationToken));
    }

    private static async Task<ProcessResult> RunStreamingAsync(ProcessRequest request, PipeReader input, PipeWriter output, CancellationToken stop, CancellationToken cancellationToken)
    {
        await Task.Yield(); // the caller gets its streams before the process starts writing
        string commandLine = SecretText.Redact(FormatCommandLine(request), request.Secrets);
        var stderr = new StringBuilder();
        Command command = WithRequest(Cli.Wrap(request.FileName), request)
            .WithStandardInputPipe(PipeSource.FromStream(input.AsStream()))
            .WithStandardOutputPipe(PipeTarget.ToStream(output.AsStream()))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(line =>
            {
                lock (stderr)
                {
                    stderr.AppendLine(SecretText.Redact(line, request.Secrets));
                }
            }));

        using var timeout = new CancellationTokenSource(request.Timeout);
        using var graceful = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var forceful = CancellationTokenSource.CreateLinkedTokenSource(stop);
        using CancellationTokenRegistration escalate = graceful.Token.Register(() => forceful.CancelAfter(request.GracePeriod));
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            CommandResult result = await command.ExecuteAsync(forceful.Token, graceful.Token).ConfigureAwait(false);
            ProcessResult processResult;
            lock (stderr)
            {
                processResult = new ProcessResult(result.ExitCode, string.Empty, stderr.ToString(), stopwatch.Elapsed);
            }

            if (!request.IsSuccess(result.ExitCode))
            {
                throw new ProcessFailedException(commandLine, processResult);
            }

            return processResult;
        }
        catch (Exception ex) when (StartFailure(request, ex) is { } failure)
        {
            throw failure;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested && !stop.IsCancellationRequested)
        {
            throw new SlipwayException(FailureKind.Failed, $"'{commandLine}' did not finish within {request.Timeout.TotalSeconds:0}s and was stopped.");
        }
        finally
        {
            await output.CompleteAsync().ConfigureAwait(false);
            await input.CompleteAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The request's working directory and environment variables on a command.</summary>
    private static Command WithRequest(Command command, ProcessRequest request)
    {
        command = command.WithArguments(request.Arguments).WithValidation(CommandResultValidation.None);
        if (request.WorkingDirectory is not null)
        {
            command = command.WithWorkingDirectory(request.WorkingDirectory);
        }

        if (request.EnvironmentVariables.Count > 0)
        {
            command = command.WithEnvironmentVariables(env =>
            {
                foreach ((string key, string? value) in request.EnvironmentVariables)
                {
                    env.Set(key, value);
                }
            });
        }

        return command;
    }

    /// <summary>The message for a tool that could not be started (not installed, not executable); null for other errors.</summary>
    private static SlipwayException? StartFailure(ProcessRequest request, Exception error)
        => error switch
        {
            System.ComponentModel.Win32Exception ex => new SlipwayException(FailureKind.Failed, $"Could not start '{request.FileName}': {ex.Message}. Is it installed and on PATH?", ex),
            InvalidOperationException { InnerException: System.ComponentModel.Win32Exception inner } ex
                => new SlipwayException(FailureKind.Failed, $"Could not start '{request.FileName}': {inner.Message}. Is it installed and on PATH?", ex),
            _ => null,
        };
}
