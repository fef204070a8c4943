using Slipway.Hosting;

namespace Slipway.Reporting;

/// <summary>
/// GitHub Actions: appends the run summary to the file <c>GITHUB_STEP_SUMMARY</c> names and the outputs to
/// <c>GITHUB_OUTPUT</c>, each as <c>name&lt;&lt;DELIMITER</c> … <c>DELIMITER</c> so a value may span lines. Both files are
/// the runner's, shared by the job's steps: appended to, never replaced. (Annotations and <c>::add-mask::</c> are
/// console lines the engine writes.)
/// </summary>
public sealed class GitHubActionsReporter : ICiReporter
{
    private readonly IEnvironmentVariables _environment;

    public GitHubActionsReporter(IEnvironmentVariables environment)
    {
        _environment = environment;
    }

    public string System => "GitHub Actions";

    public async Task<IReadOnlyList<string>> WriteAsync(CiRunReport report, CancellationToken cancellationToken)
    {
        var written = new List<string>();
        if (FileOf("GITHUB_STEP_SUMMARY") is { } summary)
        {
            await AppendAsync(summary, RunSummaryMarkdown.Render(report) + "\n", cancellationToken).ConfigureAwait(false);
            written.Add(summary);
        }

        if (FileOf("GITHUB_OUTPUT") is { } outputs && report.Outputs.Count > 0)
        {
            await AppendAsync(outputs, string.Concat(report.Outputs.Select(FormatOutput)), cancellationToken).ConfigureAwait(false);
            written.Add(outputs);
        }

        return written;
    }

    /// <summary>One output in the runner's multi-line form, with a delimiter that cannot occur in the value.</summary>
    public static string FormatOutput(CiOutput output)
    {
        string value = string.Join("\n", output.Values);
        string delimiter = $"SLIPWAY_EOF_{Guid.NewGuid():N}";
        return $"{output.Name}<<{delimiter}\n{value}\n{delimiter}\n";
    }

    private string? FileOf(string variable) => _environment.Get(variable) is { Length: > 0 } path ? path : null;

    private static async Task AppendAsync(string path, string text, CancellationToken cancellationToken)
    {
        try
        {
            await File.AppendAllTextAsync(path, text, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw SlipwayException.Failed($"Could not append to {path} (GitHub Actions' run file): {e.Message}");
        }
    }
}
