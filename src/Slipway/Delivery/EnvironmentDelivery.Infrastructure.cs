using Slipway.Environments;
using Slipway.Environments.Settings;
using Slipway.Infrastructure;

namespace Slipway.Delivery;

/// <summary>PlanInfra and ApplyInfra over the environment's Terraform stack (<c>infrastructure</c>).</summary>
public sealed partial class EnvironmentDelivery
{
    /// <summary>Plans the stack into <c>.nuke/temp/&lt;env&gt;/infra.tfplan</c>, classifies its risk and writes <c>infra-plan.md</c>.</summary>
    public Task<InfraPlanResult> PlanInfraAsync(bool refreshOnly, CancellationToken cancellationToken)
        => new InfraPlanner(_context.Processes, _context.Variables)
            .PlanAsync(new InfraPlanRequest(InfraOptions()) { RefreshOnly = refreshOnly }, cancellationToken);

    /// <summary>Applies exactly the reviewed saved plan (<paramref name="planFile"/>, or the one PlanInfra wrote); refuses a changed, stale or destructive one.</summary>
    public Task<InfraApplyResult> ApplyInfraAsync(string? planFile, bool allowDestroy, CancellationToken cancellationToken)
    {
        InfraOptions options = InfraOptions();
        var request = new InfraApplyRequest(options)
        {
            PlanFile = planFile,
            AllowDestroy = allowDestroy,
            PlanMaxAge = _settings.Infrastructure!.PlanMaxAge,
        };
        return new InfraApplier(_context.Processes, _context.Variables).ApplyAsync(request, cancellationToken);
    }

    /// <summary>The environment's <c>infrastructure</c> settings as Terraform options: secret references resolved, and marked secret.</summary>
    private InfraOptions InfraOptions()
    {
        InfrastructureSettings infrastructure = _settings.Infrastructure
            ?? throw SlipwayException.Input($"Environment {Name} has no infrastructure section: add infrastructure.stack to environments/{Name}/env.yaml, or skip the infrastructure targets (--skip PlanInfra,ApplyInfra).");
        var resolver = new SecretResolver(_context.Variables, _context.RootDirectory, _context.Log);
        var resolved = new Dictionary<string, InfraVariable>(StringComparer.Ordinal);
        foreach ((string name, string value) in infrastructure.Variables)
        {
            resolved[name] = SecretReference.ContainsReference(value)
                ? InfraVariable.Secret(resolver.Resolve(value, $"infrastructure.variables.{name}"))
                : new InfraVariable(value);
        }

        return new InfraOptions
        {
            RepositoryRoot = _context.RootDirectory,
            StackDirectory = Path.GetFullPath(Path.Combine(_context.RootDirectory, infrastructure.Stack)),
            Environment = Name,
            Workspace = infrastructure.Workspace,
            Tool = infrastructure.Tool == InfrastructureTool.Tofu ? "tofu" : "terraform",
            Variables = resolved,
            TempDirectory = _context.Paths.Environment(Name),
            TimeProvider = _context.Time,
            Log = _context.Log,
        };
    }
}
