namespace Slipway.Freezing;

/// <summary>
/// Resolves Terraform module constraints through the module registry protocol (service discovery at
/// <c>/.well-known/terraform.json</c>, then <c>GET &lt;modules.v1&gt;&lt;namespace&gt;/&lt;name&gt;/&lt;provider&gt;/versions</c>).
/// Same failure rules as <see cref="IChartResolver"/>.
/// </summary>
public interface IModuleResolver
{
    Task<ResolvedModule> ResolveAsync(ModuleRequest request, CancellationToken cancellationToken);
}
