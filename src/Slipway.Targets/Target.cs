namespace Slipway.Targets;

/// <summary>
/// A build target, declared as a property of the build class:
/// <c>Target Compile => _ => _.DependsOn(Restore).Executes(() => …);</c>
/// </summary>
public delegate ITargetDefinition Target(ITargetDefinition definition);
