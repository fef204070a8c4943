using System.Text.Json;

namespace Slipway.Ci;

/// <summary>A GitHub pull request: <c>owner/repository#number</c>.</summary>
public sealed record PullRequestRef(string Owner, string Repository, int Number)
{
    /// <summary>
    /// The pull request of a GitHub Actions run (<c>GITHUB_REPOSITORY</c>, and <c>pull_request.number</c> of the event
    /// file <c>GITHUB_EVENT_PATH</c>), or null outside a pull-request run.
    /// </summary>
    public static PullRequestRef? FromGitHubActions(Func<string, string?> variable)
    {
        string? repository = variable("GITHUB_REPOSITORY");
        string? eventPath = variable("GITHUB_EVENT_PATH");
        if (repository?.Split('/') is not [{ Length: > 0 } owner, { Length: > 0 } name] || eventPath is null || !File.Exists(eventPath))
        {
            return null;
        }

        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(eventPath));
        return document.RootElement.TryGetProperty("pull_request", out JsonElement pull) && pull.TryGetProperty("number", out JsonElement number) && number.TryGetInt32(out int value)
            ? new PullRequestRef(owner, name, value)
            : null;
    }

    public override string ToString() => $"{Owner}/{Repository}#{Number}";
}
