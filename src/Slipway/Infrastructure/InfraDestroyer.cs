using Slipway.Hosting;
using Slipway.Processes;

namespace Slipway.Infrastructure;

/// <summary>
/// Tears an environment's Terraform workspace down for good (DestroyReview): init when needed, and when the workspace
/// exists, <c>destroy</c> everything in it, select <c>default</c> (the active workspace cannot be deleted) and
/// <c>workspace delete</c> it. A workspace that is already gone is not an error: the result says so.
/// </summary>
public sealed class InfraDestroyer
{
    private readonly IProcessRunner _runner;
    private readonly IEnvironmentVariables _environment;

    public InfraDestroyer(IProcessRunner runner, IEnvironmentVariables environment)
    {
        _runner = runner;
        _environment = environment;
    }

    /// <summary>True when the workspace existed and was destroyed and deleted; false when there was no such workspace.</summary>
    public async Task<bool> DestroyAsync(InfraOptions options, CancellationToken cancellationToken)
    {
        InfraPlanner.ValidateOptions(options);
        if (options.EffectiveWorkspace == "default")
        {
            throw SlipwayException.Input($"infrastructure.workspace of {options.Environment} is 'default', which terraform never deletes: give the environment a workspace of its own.");
        }

        var cli = new TerraformCli(_runner, _environment, options);
        Directory.CreateDirectory(options.EffectiveTempDirectory);
        await StackInitializer.EnsureInitializedAsync(cli, cancellationToken).ConfigureAwait(false);
        if (!(await ListWorkspacesAsync(cli, cancellationToken).ConfigureAwait(false)).Contains(options.EffectiveWorkspace, StringComparer.Ordinal))
        {
            return false;
        }

        string varFile = await TfVarsFile.WriteAsync(options, cancellationToken).ConfigureAwait(false);
        await cli.RunAsync(
            new TerraformCall("destroy", "-auto-approve", "-input=false", "-lock-timeout=0s", $"-var-file={varFile}") { WithSecretVariables = true, ShowOutput = true },
            cancellationToken).ConfigureAwait(false);
        await cli.RunAsync(new TerraformCall("workspace", "select", "default") { InWorkspace = false }, cancellationToken).ConfigureAwait(false);
        await cli.RunAsync(new TerraformCall("workspace", "delete", options.EffectiveWorkspace) { InWorkspace = false }, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The stack's workspaces, as <c>workspace list</c> prints them (the active one marked <c>*</c>).</summary>
    public async Task<IReadOnlyList<string>> ListWorkspacesAsync(InfraOptions options, CancellationToken cancellationToken)
    {
        var cli = new TerraformCli(_runner, _environment, options);
        await StackInitializer.EnsureInitializedAsync(cli, cancellationToken).ConfigureAwait(false);
        return await ListWorkspacesAsync(cli, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<string>> ListWorkspacesAsync(TerraformCli cli, CancellationToken cancellationToken)
    {
        ProcessResult result = await cli.RunAsync(new TerraformCall("workspace", "list") { InWorkspace = false }, cancellationToken).ConfigureAwait(false);
        return [.. result.StandardOutput.Split('\n').Select(static line => line.TrimStart('*').Trim()).Where(static name => name.Length > 0)];
    }
}
