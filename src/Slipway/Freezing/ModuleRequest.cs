namespace Slipway.Freezing;

/// <summary>
/// A Terraform module version to resolve: a <c>module</c> block of the stack (<paramref name="File"/>, <paramref name="Line"/>)
/// whose <c>source</c> is a registry address (<c>namespace/name/provider</c> or <c>host/namespace/name/provider</c>) and whose
/// <c>version</c> is a constraint (<c>~&gt; 3.0</c>, <c>&gt;= 1.2, &lt; 2.0</c>), in Terraform's constraint syntax.
/// </summary>
public sealed record ModuleRequest(string Name, string Source, string Constraint, string File, int Line);
