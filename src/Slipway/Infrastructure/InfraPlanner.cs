using System.Text.RegularExpressions;
using Slipway.Hosting;
using Slipway.IO;
using Slipway.Processes;

namespace Slipway.Infrastructure;

/// <summary>
/// <c>PlanInfra</c>: init when needed, select the workspace, validate and fmt-check, plan to
/// <c>.nuke/temp/&lt;env&gt;/infra.tfplan</c> with <c>-json</c>, classify terraform's messages as they stream (checked
/// against the saved plan file; <c>show -json</c> only when the two disagree), and write <c>infra-plan.json</c> (what
/// ApplyInfra checks) and <c>infra-plan.md</c> (which the run summary on the CI system shows, src/Slipway/Reporting).
/// </summary>
public sealed partial class InfraPlanner
{
    public const string PlanFileName = "infra.tfplan";
    public const string MarkdownFileName = "infra-plan.md";

    private readonly IProcessRunner _runner;
    private readonly IEnvironmentVariables _environment;

    public InfraPlanner(IProcessRunner runner, IEnvironmentVariables environment)
    {
        _runner = runner;
        _environment = environment;
    }

    public async Task<InfraPlanResult> PlanAsync(InfraPlanRequest request, CancellationToken cancellationToken)
    {
        InfraOptions options = request.Options;
        ValidateOptions(options);
        var cli = new TerraformCli(_runner, _environment, options);
        string temp = options.EffectiveTempDirectory;
        string planFile = Path.Combine(temp, PlanFileName);
        string metadataFile = Path.Combine(temp, PlanMetadata.FileName);
        string markdownFile = Path.Combine(temp, MarkdownFileName);
        try
        {
            Directory.CreateDirectory(temp);
            File.Delete(metadataFile);
        }
        catch (Exception error) when (WriteFailure.Is(error))
        {
            throw WriteFailure.From(temp, error, "the plan folder");
        }

        string commit = await GitHead.ReadAsync(_runner, options.RepositoryRoot, cancellationToken).ConfigureAwait(false);
        await StackInitializer.EnsureInitializedAsync(cli, cancellationToken).ConfigureAwait(false);
        await cli.RunAsync(new TerraformCall("workspace", "select", "-or-create", options.EffectiveWorkspace) { InWorkspace = false }, cancellationToken).ConfigureAwait(false);
        await ConfigurationCheck.RunAsync(cli, cancellationToken).ConfigureAwait(false);

        string varFile = await TfVarsFile.WriteAsync(options, cancellationToken).ConfigureAwait(false);
        SortedDictionary<string, string> stackFiles = await StackFiles.HashAsync(options.StackDirectory, cancellationToken).ConfigureAwait(false);
        (int exitCode, PlanStream stream) = await RunPlanAsync(cli, request, varFile, planFile, cancellationToken).ConfigureAwait(false);
        (PlanClassification classification, PlanClassificationSource source) = await ClassifyAsync(cli, stream, planFile, cancellationToken).ConfigureAwait(false);
        if (classification.Errored)
        {
            throw SlipwayException.Failed($"{options.Tool} reported the plan as errored; see the output above. Fix the error and run PlanInfra again.");
        }

        var metadata = new PlanMetadata
        {
            Environment = options.Environment,
            Workspace = options.EffectiveWorkspace,
            Tool = options.Tool,
            Stack = options.StackPath,
            PlanFile = Path.GetRelativePath(options.RepositoryRoot, planFile).Replace('\\', '/'),
            PlanSha256 = await FileHash.Sha256Async(planFile, cancellationToken).ConfigureAwait(false),
            Commit = commit,
            StackFiles = stackFiles,
            CreatedAt = options.TimeProvider.GetUtcNow(),
            RefreshOnly = request.RefreshOnly,
            HasChanges = exitCode == 2,
            Risk = request.RefreshOnly ? RiskLevel.None : classification.Risk,
            Counts = classification.Counts,
            Destructive = classification.Destructive,
            Drift = classification.Drift,
        };

        string markdown = PlanReport.FormatMarkdown(metadata);
        await AtomicFile.WriteAllTextAsync(markdownFile, markdown, cancellationToken).ConfigureAwait(false);
        await metadata.WriteAsync(metadataFile, cancellationToken).ConfigureAwait(false);

        var result = new InfraPlanResult(metadata, classification, planFile, metadataFile, markdownFile, exitCode) { ClassifiedFrom = source };
        options.Log.Info(result.Table);
        if (result.HasChanges)
        {
            // plan -json streams what changes, not how: the attribute-level diff is one command away.
            options.Log.Info($"Attribute-level diff: cd {options.StackPath} && {options.Tool} show {Path.GetRelativePath(options.StackDirectory, planFile).Replace('\\', '/')}");
        }

        return result;
    }

    /// <summary>The stream's classification when the saved plan file agrees with it in every count; else <c>show -json</c>'s.</summary>
    private static async Task<(PlanClassification Classification, PlanClassificationSource Source)> ClassifyAsync(
        TerraformCli cli, PlanStream stream, string planFile, CancellationToken cancellationToken)
    {
        SavedPlan? saved = await SavedPlanFile.ReadAsync(planFile, cancellationToken).ConfigureAwait(false);
        (PlanClassification? classification, string? disagreement) = StreamedPlanClassification.Combine(stream, saved);
        if (classification is not null)
        {
            return (classification, PlanClassificationSource.PlanStream);
        }

        cli.Options.Log.Info($"Classifying the plan with '{cli.Options.Tool} show -json' ({disagreement}).");
        return (await cli.ShowPlanAsync(planFile, cancellationToken).ConfigureAwait(false), PlanClassificationSource.ShowJson);
    }

    private static async Task<(int ExitCode, PlanStream Stream)> RunPlanAsync(TerraformCli cli, InfraPlanRequest request, string varFile, string planFile, CancellationToken cancellationToken)
    {
        // terraform writes the plan to a temporary name first; the rename makes the new plan appear whole.
        string partial = planFile + ".partial";
        List<string> arguments = ["plan", $"-out={partial}", "-detailed-exitcode", "-input=false", "-lock-timeout=0s", $"-var-file={varFile}"];
        if (request.RefreshOnly)
        {
            arguments.Add("-refresh-only");
        }

        try
        {
            (int exitCode, PlanStream stream) = await cli.PlanJsonAsync(
                new TerraformCall([.. arguments]) { AcceptedExitCodes = [0, 2], WithSecretVariables = true, ShowOutput = true },
                cancellationToken).ConfigureAwait(false);
            File.Move(partial, planFile, overwrite: true);
            return (exitCode, stream);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    internal static void ValidateOptions(InfraOptions options)
    {
        if (!NamePattern().IsMatch(options.Environment))
        {
            throw SlipwayException.Input($"--env '{options.Environment}' is not a valid environment name (letters, digits, '-', '_', '.').");
        }

        if (!NamePattern().IsMatch(options.EffectiveWorkspace))
        {
            throw SlipwayException.Input($"infrastructure.workspace '{options.EffectiveWorkspace}' is not a valid workspace name (letters, digits, '-', '_', '.').");
        }

        if (!Directory.Exists(options.StackDirectory) || Directory.GetFiles(options.StackDirectory, "*.tf").Length == 0)
        {
            throw SlipwayException.Input($"infrastructure.stack: '{options.StackDirectory}' is not a folder with .tf files.");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex NamePattern();
}
