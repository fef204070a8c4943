using System.Text;
using Slipway.Hosting;
using Slipway.IO;

namespace Slipway.Reporting;

/// <summary>
/// GitLab CI: writes the outputs as a dotenv report, <c>slipway.env</c> in <c>CI_PROJECT_DIR</c> (KEY=value lines, e.g.
/// <c>SLIPWAY_ENVIRONMENT_URL</c>), for <c>artifacts: reports: dotenv: slipway.env</c> and an <c>environment: url:</c>
/// that reads it. (The collapsible sections around each target are console lines the engine writes.)
/// </summary>
public sealed class GitLabReporter : ICiReporter
{
    public const string DotEnvFileName = "slipway.env";

    /// <summary>The variable of the output <c>environment-url</c> (for a job's <c>environment: url:</c>).</summary>
    public const string EnvironmentUrlVariable = "SLIPWAY_ENVIRONMENT_URL";

    private readonly IEnvironmentVariables _environment;
    private readonly string _rootDirectory;

    public GitLabReporter(IEnvironmentVariables environment, string rootDirectory)
    {
        _environment = environment;
        _rootDirectory = rootDirectory;
    }

    public string System => "GitLab CI";

    public async Task<IReadOnlyList<string>> WriteAsync(CiRunReport report, CancellationToken cancellationToken)
    {
        string directory = _environment.Get("CI_PROJECT_DIR") is { Length: > 0 } projectDirectory ? projectDirectory : _rootDirectory;
        string file = Path.Combine(directory, DotEnvFileName);
        try
        {
            await AtomicFile.WriteAllTextAsync(file, Render(report.Outputs), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw SlipwayException.Failed($"Could not write the dotenv report {file}: {e.Message}");
        }

        return [file];
    }

    /// <summary>The dotenv text: one <c>KEY=value</c> line per output, the parts of a value joined by commas.</summary>
    public static string Render(IReadOnlyList<CiOutput> outputs)
    {
        var text = new StringBuilder();
        foreach (CiOutput output in outputs)
        {
            string value = string.Join(",", output.Values);
            if (value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal))
            {
                throw SlipwayException.Failed($"The output {output.Name} has a line break, which a GitLab dotenv report cannot hold: {value}");
            }

            text.Append(output.DotEnvKey).Append('=').Append(value).Append('\n');
        }

        return text.ToString();
    }
}
