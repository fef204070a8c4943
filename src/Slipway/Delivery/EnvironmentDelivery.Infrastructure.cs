using Slipway.Environments;
using Slipway.Environments.Settings;
using Slipway.Infrastructure;

namespace Slipway.Delivery;

/// <summary>PlanInfra and ApplyInfra over the environment's Terraform stack (<c>infrastructure</c>).</summary>
public sealed partial class EnvironmentDelivery
{
    /// <summary>
    /// Plans the stack into <c>.nuke/temp/&lt;env&gt;/infra.tfplan</c>, classifies its risk and writes <c>infra-plan.md</c>. With
    /// <paramref name="deploying"/> (the run goes on to write the environment) the deploy lease is taken first, so two deploys
    /// started together meet at the lease, not at Terraform's state lock; a plan for review alone takes none.
    /// </summary>
    public async Task<InfraPlanResult> PlanInfraAsync(bool refreshOnly, bool deploying, CancellationToken cancellationToken)
    {
        InfraOptions options = InfraOptions();
        if (deploying)
        {
            await EnsureLeaseAsync(cancellationToken).ConfigureAwait(false);
        }

        return await new InfraPlanner(_context.Processes, _context.Variables)
            .PlanAsync(new InfraPlanRequest(options) { RefreshOnly = refreshOnly }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies exactly the reviewed saved plan (<paramref name="planFile"/>, or the one PlanInfra wrote); refuses a changed, stale or destructive one.</summary>
    public Task<InfraApplyResult> ApplyInfraAsync(string? planFile, bool allowDestroy, CancellationToken cancellationToken)
    {
        InfraOptions options = InfraOptions();
        var request = new InfraApplyRequest(options)
        {
            PlanFile = planFile,
            AllowDestroy = allowDestroy,
            PlanMaxAge = _settings.Infrastructure!.PlanMaxAge,
            BeforeApply = EnsureLeaseAsync,
        };
        return new InfraApplier(_context.Processes, _context.Variables).ApplyAsync(request, cancellationToken);
    }

    /// <summary>The environment's <c>infrastructure</c> settings as Terraform options (<see cref="InfrastructureMapping"/>): secret references resolved, and marked secret.</summary>
    private InfraOptions InfraOptions()
    {
        InfrastructureSettings infrastructure = _settings.Infrastructure
            ?? throw SlipwayException.Input($"Environment {Name} has no infrastructure section: add infrastructure.stack to environments/{Name}/env.yaml, or skip the infrastructure targets (--skip PlanInfra,ApplyInfra).");
        var resolver = new SecretResolver(_context.Variables, _context.RootDirectory, _context.Log);
        return new InfraOptions
        {
            RepositoryRoot = _context.RootDirectory,
            StackDirectory = Path.GetFullPath(Path.Combine(_context.RootDirectory, infrastructure.Stack)),
            Environment = Name,
            Workspace = InfrastructureMapping.Workspace(infrastructure, resolver),
            Tool = infrastructure.Tool == InfrastructureTool.Tofu ? "tofu" : "terraform",
            Variables = InfrastructureMapping.Variables(infrastructure, resolver),
            VariableSources = infrastructure.VariableSources,
            Backend = InfrastructureMapping.Backend(infrastructure.Backend, resolver),
            TempDirectory = _context.Paths.Environment(Name),
            TimeProvider = _context.Time,
            Log = _context.Log,
        };
    }
}
