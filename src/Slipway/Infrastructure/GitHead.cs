using Slipway.Processes;

namespace Slipway.Infrastructure;

/// <summary>The commit this repository is at (<c>git rev-parse HEAD</c>), recorded with every plan.</summary>
internal static class GitHead
{
    public static async Task<string> ReadAsync(IProcessRunner runner, string repositoryRoot, CancellationToken cancellationToken)
    {
        var request = new ProcessRequest("git", ["-C", repositoryRoot, "rev-parse", "--verify", "HEAD"])
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        try
        {
            ProcessResult result = await runner.RunAsync(request, cancellationToken).ConfigureAwait(false);
            return result.StandardOutput.Trim();
        }
        catch (ProcessFailedException ex)
        {
            throw SlipwayException.Input(
                $"Cannot read the git commit of {repositoryRoot} (the plan records it): {ex.Result.StandardError.Trim()}. " +
                "Run from a git repository with at least one commit.");
        }
    }
}
