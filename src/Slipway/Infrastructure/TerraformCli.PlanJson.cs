using System.Text;
using CliWrap;
using Slipway.Processes;

namespace Slipway.Infrastructure;

internal sealed partial class TerraformCli
{
    /// <summary>
    /// Runs <c>plan -json</c> (the arguments of <paramref name="call"/> with <c>-json</c> added) and classifies its
    /// machine-readable output line by line as terraform plans. Each message is shown as terraform worded it; a failure
    /// is reported from terraform's diagnostics (file:line from their range), a held lock or a stale plan as usual.
    /// </summary>
    public async Task<(int ExitCode, PlanStream Stream)> PlanJsonAsync(TerraformCall call, CancellationToken cancellationToken)
    {
        ILog log = _options.Log;
        void Show(PlanStreamState.StreamLine line)
        {
            string text = SecretText.Redact(line.Text!, _secrets);
            if (!call.ShowOutput)
            {
                log.Debug(text);
            }
            else if (line.Level == PlanStreamState.LineLevel.Warning)
            {
                log.Warning(text);
            }
            else
            {
                log.Info(text);
            }
        }

        PlanStream? stream = null;
        var stderr = new StringBuilder();
        TerraformCall json = call with { Arguments = [call.Arguments[0], "-json", .. call.Arguments[1..]] };
        CommandResult result = await RunStreamingAsync(
            json,
            async (output, ct) => stream = await PlanStreamClassifier.ClassifyAsync(output, Show, ct).ConfigureAwait(false),
            stderr,
            cancellationToken).ConfigureAwait(false);
        if (stream is null || !call.AcceptedExitCodes.Contains(result.ExitCode))
        {
            throw PlanFailure(result.ExitCode, stream, stderr.ToString());
        }

        return (result.ExitCode, stream);
    }

    private SlipwayException PlanFailure(int exitCode, PlanStream? stream, string standardError)
    {
        IReadOnlyList<TerraformDiagnostic> diagnostics = stream?.Diagnostics ?? [];
        List<TerraformDiagnostic> errors = diagnostics
            .Where(static d => d.IsError)
            .Select(d => d with
            {
                Summary = SecretText.Redact(d.Summary, _secrets),
                Detail = SecretText.Redact(d.Detail, _secrets),
                File = d.File is null ? null : TerraformFailure.RelativeToRoot(_options, d.File),
            })
            .ToList();

        // The text of every message as terraform prints it: what the lock and stale-plan checks read.
        var output = new StringBuilder();
        foreach (TerraformDiagnostic error in errors)
        {
            output.AppendLine($"Error: {error.Summary}").AppendLine().AppendLine(error.Detail);
        }

        output.AppendLine(stream?.Text).AppendLine(standardError);
        return TerraformFailure.From(_options, "plan", exitCode, SecretText.Redact(output.ToString(), _secrets), errors);
    }
}
