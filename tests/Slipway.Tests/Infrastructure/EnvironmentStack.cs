using Slipway.Delivery;
using Slipway.Environments;
using Slipway.Environments.Settings;
using Slipway.Hosting;
using Slipway.Infrastructure;

namespace Slipway.Tests.Infrastructure;

/// <summary>
/// A <see cref="StackCopy"/> driven from a real environment file: <c>environments/&lt;env&gt;/env.yaml</c> is written into
/// the copy, loaded, validated and mapped to terraform options the way the delivery maps them.
/// </summary>
internal static class EnvironmentStack
{
    public const string Valid = "cluster:\n  local: true\ngitops:\n  repository: local\n  engine: flux\n";

    public static async Task<InfraOptions> OptionsAsync(StackCopy stack, string environment, string yaml, params (string Name, string Value)[] variables)
    {
        string folder = Path.Combine(stack.Root, "environments", environment);
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "env.yaml"), Valid + yaml, TestContext.Current.CancellationToken);
        EnvironmentCatalog catalog = await EnvironmentCatalog.LoadAsync(stack.Root, TestContext.Current.CancellationToken);
        InfrastructureSettings infrastructure = EnvironmentSettings.Load(catalog, environment).Infrastructure!;
        var resolver = new SecretResolver(new DictionaryEnvironmentVariables([.. variables.Select(v => new KeyValuePair<string, string>(v.Name, v.Value))]), stack.Root, stack.Log);
        return stack.Options(environment) with
        {
            Workspace = InfrastructureMapping.Workspace(infrastructure, resolver),
            Variables = InfrastructureMapping.Variables(infrastructure, resolver),
            VariableSources = infrastructure.VariableSources,
            Backend = InfrastructureMapping.Backend(infrastructure.Backend, resolver),
        };
    }
}
