using System.Text;
using CliWrap;
using Slipway.Processes;

namespace Slipway.Infrastructure;

internal sealed partial class TerraformCli
{
    /// <summary>
    /// Runs <c>show -json PLAN</c> and classifies its standard output as it arrives. This one call
    /// bypasses <see cref="IProcessRunner"/>, which collects output into strings: a large plan's JSON must
    /// stream into the classifier so memory stays flat. Timeout and SIGINT-then-kill are the same.
    /// </summary>
    public async Task<PlanClassification> ShowPlanAsync(string planFile, CancellationToken cancellationToken)
    {
        string[] arguments = ["show", "-json", "-no-color", planFile];
        _options.Log.Debug($"{_options.Tool} {string.Join(' ', arguments)}");
        PlanClassification? classification = null;
        SlipwayException? unreadable = null;
        var stderr = new StringBuilder();
        Command command = Cli.Wrap(_options.Tool)
            .WithArguments(arguments)
            .WithWorkingDirectory(_options.StackDirectory)
            .WithEnvironmentVariables(env =>
            {
                foreach ((string key, string? value) in BuildEnvironment(new TerraformCall("show") { InWorkspace = false }))
                {
                    env.Set(key, value);
                }
            })
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.Create(async (stream, ct) =>
            {
                try
                {
                    classification = await PlanClassifier.ClassifyAsync(stream, ct).ConfigureAwait(false);
                }
                catch (SlipwayException ex)
                {
                    // Decided after the exit code: a show that failed (a truncated plan on a full disk) gave no JSON,
                    // and its own error says why, not the classifier's "not valid at byte 0".
                    unreadable = ex;
                    await stream.CopyToAsync(Stream.Null, ct).ConfigureAwait(false);
                }
            }))
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(stderr));

        using var timeout = new CancellationTokenSource(_options.CommandTimeout);
        using var graceful = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var forceful = new CancellationTokenSource();
        using CancellationTokenRegistration escalate = graceful.Token.Register(() => forceful.CancelAfter(TimeSpan.FromSeconds(10)));
        try
        {
            CommandResult result = await command.ExecuteAsync(forceful.Token, graceful.Token).ConfigureAwait(false);
            if (result.ExitCode == 0 && unreadable is not null)
            {
                throw unreadable;
            }

            if (result.ExitCode != 0 || classification is null)
            {
                string error = SecretText.Redact(stderr.ToString(), _secrets);
                throw TerraformFailure.From(_options, "show", new ProcessResult(result.ExitCode, string.Empty, error, result.RunTime));
            }

            return classification;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw SlipwayException.Failed($"'{_options.Tool} show -json {planFile}' did not finish within {_options.CommandTimeout.TotalSeconds:0}s and was stopped.");
        }
    }
}
