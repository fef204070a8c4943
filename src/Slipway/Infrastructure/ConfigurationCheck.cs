using Slipway.Processes;

namespace Slipway.Infrastructure;

/// <summary>
/// <c>validate</c> then <c>fmt -check</c>: every finding is reported as <c>file:line</c>, and any error
/// stops the plan as bad input (exit 2).
/// </summary>
internal static class ConfigurationCheck
{
    public static async Task RunAsync(TerraformCli cli, CancellationToken cancellationToken)
    {
        InfraOptions options = cli.Options;
        string RelativePath(string file) => TerraformFailure.RelativeToRoot(options, file);

        ProcessResult validate = await cli.RunAsync(new TerraformCall("validate", "-json") { AcceptedExitCodes = [0, 1] }, cancellationToken).ConfigureAwait(false);
        List<TerraformDiagnostic> findings = [.. ValidateOutput.Parse(validate.StandardOutput, RelativePath)];
        if (!findings.Any(static d => d.IsError))
        {
            ProcessResult format = await cli.RunAsync(new TerraformCall("fmt", "-check", "-diff", "-recursive") { AcceptedExitCodes = [0, 3] }, cancellationToken).ConfigureAwait(false);
            findings.AddRange(FormatDiff.Parse(format.StandardOutput, options.Tool, RelativePath));
        }

        foreach (TerraformDiagnostic warning in findings.Where(static d => !d.IsError))
        {
            options.Log.Warning(warning.Format());
        }

        TerraformDiagnostic[] errors = [.. findings.Where(static d => d.IsError)];
        if (errors.Length > 0)
        {
            foreach (TerraformDiagnostic error in errors)
            {
                options.Log.Error(error.Format());
            }

            throw SlipwayException.Input(
                $"The {options.Tool} configuration of {options.StackPath} has {errors.Length} problem(s):{Environment.NewLine}" +
                string.Join(Environment.NewLine, errors.Select(static e => e.Format())));
        }
    }
}
