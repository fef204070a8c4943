using System.Text;
using CliWrap;

namespace Slipway.Infrastructure;

internal sealed partial class TerraformCli
{
    /// <summary>
    /// Runs one call whose standard output is read as it arrives by <paramref name="readOutput"/> instead of being
    /// collected into strings (<see cref="Processes.IProcessRunner"/> does that): same environment, timeout and
    /// SIGINT-then-kill as every other call. Standard error is collected (it is small); the exit code is returned.
    /// </summary>
    private async Task<CommandResult> RunStreamingAsync(
        TerraformCall call,
        Func<Stream, CancellationToken, Task> readOutput,
        StringBuilder standardError,
        CancellationToken cancellationToken)
    {
        // Flags go before the positional arguments (the plan file), where terraform reads them.
        string[] arguments = [call.Arguments[0], "-no-color", .. call.Arguments[1..]];
        string commandLine = $"{_options.Tool} {string.Join(' ', call.Arguments)}";
        _options.Log.Debug(commandLine);
        Command command = Cli.Wrap(_options.Tool)
            .WithArguments(arguments)
            .WithWorkingDirectory(_options.StackDirectory)
            .WithEnvironmentVariables(env =>
            {
                foreach ((string key, string? value) in BuildEnvironment(call))
                {
                    env.Set(key, value);
                }
            })
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.Create(readOutput))
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(standardError));

        using var timeout = new CancellationTokenSource(_options.CommandTimeout);
        using var graceful = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var forceful = new CancellationTokenSource();
        using CancellationTokenRegistration escalate = graceful.Token.Register(() => forceful.CancelAfter(TimeSpan.FromSeconds(10)));
        try
        {
            return await command.ExecuteAsync(forceful.Token, graceful.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw SlipwayException.Failed($"'{Processes.SecretText.Redact(commandLine, _secrets)}' did not finish within {_options.CommandTimeout.TotalSeconds:0}s and was stopped.");
        }
    }
}
