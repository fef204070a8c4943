namespace Slipway.Infrastructure;

/// <summary>
/// Which stack to drive for which environment, and how: what <c>PlanInfra</c> and <c>ApplyInfra</c> share.
/// The build fills it from the environment's <c>infrastructure</c> settings.
/// </summary>
public sealed record InfraOptions
{
    public const string DefaultTool = "terraform";

    /// <summary>Root of this repository (its git HEAD is recorded with the plan).</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>The stack's folder, e.g. <c>&lt;root&gt;/infra/platform</c>.</summary>
    public required string StackDirectory { get; init; }

    public required string Environment { get; init; }

    /// <summary>Terraform workspace; by default the environment's name.</summary>
    public string? Workspace { get; init; }

    /// <summary><c>terraform</c> or <c>tofu</c> (<c>infrastructure.tool</c>).</summary>
    public string Tool { get; init; } = DefaultTool;

    public IReadOnlyDictionary<string, InfraVariable> Variables { get; init; } = new Dictionary<string, InfraVariable>();

    /// <summary>Where each variable was set (name → <c>environments/dev/env.yaml:12</c>), so terraform's errors about it name the key.</summary>
    public IReadOnlyDictionary<string, string> VariableSources { get; init; } = new Dictionary<string, string>();

    /// <summary>The environment's backend (<c>infrastructure.backend</c>), or null for the one the stack declares.</summary>
    public InfraBackend? Backend { get; init; }

    /// <summary>Where the plan and its reports go; by default <c>&lt;root&gt;/.nuke/temp/&lt;env&gt;/</c>.</summary>
    public string? TempDirectory { get; init; }

    /// <summary>How long one terraform call may take before it is interrupted.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromMinutes(30);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public ILog Log { get; init; } = NullLog.Instance;

    /// <summary>The stack folder relative to the repository root, with forward slashes (<c>infra/platform</c>), for messages and metadata.</summary>
    public string StackPath => Path.GetRelativePath(RepositoryRoot, StackDirectory).Replace('\\', '/');

    public string EffectiveWorkspace => string.IsNullOrEmpty(Workspace) ? Environment : Workspace;

    public string EffectiveTempDirectory
        => TempDirectory ?? new SlipwayPaths(RepositoryRoot).Environment(Environment);

    public string PluginCacheDirectory => new SlipwayPaths(RepositoryRoot).TerraformPluginCache;

    /// <summary>
    /// terraform's data folder, relative to the stack: <c>.terraform</c>, or with a backend of the environment's own
    /// <c>.terraform/environments/&lt;env&gt;</c> (so environments sharing the stack each keep their backend settings).
    /// </summary>
    public string DataDirectory => Backend is null ? ".terraform" : $".terraform/environments/{Environment}";
}
