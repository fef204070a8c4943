namespace Slipway.Ci;

/// <summary>Every pipeline of a repository and what all their jobs share.</summary>
public sealed record CiDefinition(IReadOnlyList<CiPipeline> Pipelines)
{
    /// <summary>The branch deploys run from.</summary>
    public string DefaultBranch { get; init; } = "main";

    /// <summary>The .NET SDK version of <c>global.json</c> (GitLab's image is <c>mcr.microsoft.com/dotnet/sdk:&lt;major.minor&gt;</c>).</summary>
    public string DotNetSdkVersion { get; init; } = "10.0.100";

    /// <summary>The file the definition is declared in, named in the generated files' header.</summary>
    public string DeclaredIn { get; init; } = "build/Build.CiPipelines.cs";
}
