using System.Globalization;
using Slipway.Hosting;

namespace Slipway.GitOps.Git;

/// <summary>Builds the author and trailers of GitOps commits from the CI variables, or the local git setup.</summary>
public static class CommitInfoFactory
{
    /// <summary>
    /// Author: <c>GITHUB_ACTOR</c>, <c>GITLAB_USER_LOGIN</c> or the configuration repository's <c>user.name</c>
    /// (then <c>USER</c>); email: <c>GITLAB_USER_EMAIL</c> or <c>user.email</c> (then <c>&lt;name&gt;@localhost</c>).
    /// Source commit: <c>GITHUB_SHA</c>, <c>CI_COMMIT_SHA</c> or the HEAD of <paramref name="rootDirectory"/>.
    /// Run: <c>GITHUB_RUN_ID</c>, <c>CI_PIPELINE_ID</c> or <c>local-&lt;UTC time&gt;</c>.
    /// </summary>
    public static CommitInfo FromEnvironment(IEnvironmentVariables variables, string environment, string rootDirectory, TimeProvider time)
    {
        (string? configName, string? configEmail, string? head) = Git.LibGit2SourceRepository.Read(rootDirectory);
        string name = First(variables.Get("GITHUB_ACTOR"), variables.Get("GITLAB_USER_LOGIN"), configName, variables.Get("USER"), variables.Get("USERNAME")) ?? "slipway";
        string email = First(variables.Get("GITLAB_USER_EMAIL"), variables.Get("GITHUB_ACTOR") is null ? configEmail : null) ?? $"{name}@localhost";
        string source = First(variables.Get("GITHUB_SHA"), variables.Get("CI_COMMIT_SHA"), head) ?? "unknown";
        string run = First(variables.Get("GITHUB_RUN_ID"), variables.Get("CI_PIPELINE_ID"))
            ?? "local-" + time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return new CommitInfo(name, email, environment, source, run);
    }

    private static string? First(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
