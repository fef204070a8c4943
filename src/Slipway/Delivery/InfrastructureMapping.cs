using Slipway.Environments;
using Slipway.Environments.Settings;
using Slipway.Hosting;
using Slipway.Infrastructure;

namespace Slipway.Delivery;

/// <summary>Turns an environment's <c>infrastructure</c> settings into Terraform options: secret references resolved, and marked secret.</summary>
public static class InfrastructureMapping
{
    public static InfraOptions OptionsFor(EnvironmentSettings settings, string rootDirectory, IEnvironmentVariables variables, TimeProvider time, ILog log)
    {
        InfrastructureSettings infrastructure = settings.Infrastructure
            ?? throw SlipwayException.Input($"Environment {settings.Name} has no infrastructure section: add infrastructure.stack to environments/{settings.Name}/env.yaml, or skip the infrastructure targets (--skip PlanInfra,ApplyInfra).");
        var resolver = new SecretResolver(variables, rootDirectory, log);
        var resolved = new Dictionary<string, InfraVariable>(StringComparer.Ordinal);
        foreach ((string name, string value) in infrastructure.Variables)
        {
            resolved[name] = SecretReference.ContainsReference(value)
                ? InfraVariable.Secret(resolver.Resolve(value, $"infrastructure.variables.{name}"))
                : new InfraVariable(value);
        }

        return new InfraOptions
        {
            RepositoryRoot = rootDirectory,
            StackDirectory = Path.GetFullPath(Path.Combine(rootDirectory, infrastructure.Stack)),
            Environment = settings.Name,
            Workspace = infrastructure.Workspace,
            Tool = infrastructure.Tool == InfrastructureTool.Tofu ? "tofu" : "terraform",
            Variables = resolved,
            TimeProvider = time,
            Log = log,
        };
    }
}
