using System.Text;
using CliWrap;
using Slipway.Processes;

namespace Slipway.Infrastructure;

internal sealed partial class TerraformCli
{
    /// <summary>
    /// Runs <c>show -json PLAN</c> and classifies its standard output as it arrives: a large plan's JSON streams into
    /// the classifier so memory stays flat.
    /// </summary>
    public async Task<PlanClassification> ShowPlanAsync(string planFile, CancellationToken cancellationToken)
    {
        PlanClassification? classification = null;
        SlipwayException? unreadable = null;
        var stderr = new StringBuilder();
        CommandResult result = await RunStreamingAsync(
            new TerraformCall("show", "-json", planFile) { InWorkspace = false },
            async (stream, ct) =>
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
            },
            stderr,
            cancellationToken).ConfigureAwait(false);
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
}
