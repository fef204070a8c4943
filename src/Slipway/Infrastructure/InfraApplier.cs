using Slipway.Hosting;
using Slipway.Processes;

namespace Slipway.Infrastructure;

/// <summary>
/// <c>ApplyInfra</c>: applies exactly the reviewed saved plan. It refuses (exit 3) a plan whose file or
/// commit changed since review, that is too old, or that destroys without <c>--allow-destroy</c> (and the
/// destroy approval). With no changes nothing is applied. The stack's outputs are read afterwards.
/// </summary>
public sealed class InfraApplier
{
    private readonly IProcessRunner _runner;
    private readonly IEnvironmentVariables _environment;

    public InfraApplier(IProcessRunner runner, IEnvironmentVariables environment)
    {
        _runner = runner;
        _environment = environment;
    }

    public async Task<InfraApplyResult> ApplyAsync(InfraApplyRequest request, CancellationToken cancellationToken)
    {
        InfraOptions options = request.Options;
        (string planFile, PlanMetadata metadata, string sha256, string commit) = await VerifySavedPlanAsync(request, cancellationToken).ConfigureAwait(false);
        await ApplyAttempt.RefuseIfUnfinishedAsync(planFile, sha256, options, cancellationToken).ConfigureAwait(false);

        var cli = new TerraformCli(_runner, _environment, options);
        await StackInitializer.EnsureInitializedAsync(cli, cancellationToken).ConfigureAwait(false);

        // Trust the plan file, not the metadata: classify it again before anything is applied.
        PlanClassification classification = await cli.ShowPlanAsync(planFile, cancellationToken).ConfigureAwait(false);
        await DestroyGuard.EnsureAllowedAsync(options.Environment, classification.Destructive, request.AllowDestroy, request.DestroyApproval, cancellationToken).ConfigureAwait(false);

        bool apply = classification.HasChanges || metadata.HasChanges;
        if (apply)
        {
            if (request.BeforeApply is { } beforeApply)
            {
                await beforeApply(cancellationToken).ConfigureAwait(false);
            }

            options.Log.Info($"Applying the reviewed plan {planFile} (SHA-256 {sha256[..12]}…, commit {commit[..Math.Min(12, commit.Length)]}).");
            await ApplyPlanAsync(cli, planFile, sha256, cancellationToken).ConfigureAwait(false);
        }

        IReadOnlyDictionary<string, string> outputs = await StackOutputs.ReadAsync(cli, cancellationToken).ConfigureAwait(false);
        string outputsFile = Path.Combine(options.EffectiveTempDirectory, StackOutputs.FileName);
        IReadOnlyList<string> withheld = await StackOutputs.WriteAsync(outputsFile, outputs, cli.Secrets, cancellationToken).ConfigureAwait(false);
        foreach (string name in withheld)
        {
            options.Log.Warning($"Output {name} holds the value of a secret variable: it is not stored in {outputsFile} (read it with {options.Tool} output {name}); declare the output sensitive = true.");
        }

        var result = new InfraApplyResult(apply, classification, outputs, outputsFile);
        options.Log.Info(result.Summary);
        foreach ((string name, string value) in outputs)
        {
            options.Log.Info($"  output {name} = {value}");
        }

        return result;
    }

    /// <summary>
    /// Reads only files and git: the saved plan (<see cref="InfraApplyRequest.PlanFile"/>, or PlanInfra's) exists and is the one reviewed,
    /// for this commit and these stack files, and not too old; else bad input (no plan) or a refusal saying to plan again.
    /// </summary>
    public async Task<(string PlanFile, PlanMetadata Metadata, string Sha256, string Commit)> VerifySavedPlanAsync(InfraApplyRequest request, CancellationToken cancellationToken)
    {
        InfraOptions options = request.Options;
        InfraPlanner.ValidateOptions(options);
        string planFile = Path.GetFullPath(request.PlanFile ?? Path.Combine(options.EffectiveTempDirectory, InfraPlanner.PlanFileName));
        string metadataFile = Path.Combine(Path.GetDirectoryName(planFile)!, PlanMetadata.FileName);
        string again = $"Run PlanInfra first: ./build.sh PlanInfra --env {options.Environment}";
        string named = request.PlanFile is null ? planFile : $"--plan-file {planFile}";
        if (!File.Exists(planFile))
        {
            throw SlipwayException.Input($"There is no saved plan at {named}. {again}");
        }

        if (!File.Exists(metadataFile))
        {
            throw SlipwayException.Input($"{named} has no {PlanMetadata.FileName} next to it, so it cannot be shown to be the reviewed plan. {again}");
        }

        PlanMetadata metadata = await PlanMetadata.ReadAsync(metadataFile, cancellationToken).ConfigureAwait(false);
        string sha256 = await FileHash.Sha256Async(planFile, cancellationToken).ConfigureAwait(false);
        string commit = await GitHead.ReadAsync(_runner, options.RepositoryRoot, cancellationToken).ConfigureAwait(false);
        SortedDictionary<string, string> stackFiles = await StackFiles.HashAsync(options.StackDirectory, cancellationToken).ConfigureAwait(false);
        PlanVerifier.Verify(metadata, new PlanOnDisk(sha256, commit, stackFiles), request, planFile);
        return (planFile, metadata, sha256, commit);
    }

    /// <summary>
    /// Runs <c>apply</c> of the saved plan between the start and the end of an <see cref="ApplyAttempt"/>: an apply that fails,
    /// is cancelled or is killed leaves the attempt behind, so the same plan is not applied again; a refusal that changed
    /// nothing (the state is locked by another run, the plan is stale) ends it, so the plan can be applied once that is over.
    /// </summary>
    private static async Task ApplyPlanAsync(TerraformCli cli, string planFile, string sha256, CancellationToken cancellationToken)
    {
        await ApplyAttempt.StartAsync(planFile, sha256, cli.Options.TimeProvider, cancellationToken).ConfigureAwait(false);
        try
        {
            await cli.RunAsync(new TerraformCall("apply", "-input=false", "-lock-timeout=0s", planFile) { ShowOutput = true }, cancellationToken).ConfigureAwait(false);
        }
        catch (SlipwayException ex) when (ex.Kind == FailureKind.Refused)
        {
            ApplyAttempt.Finish(planFile);
            throw;
        }

        ApplyAttempt.Finish(planFile);
    }
}
