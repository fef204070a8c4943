using Slipway.Processes;

namespace Slipway.Infrastructure;

/// <summary>
/// Turns a failed terraform call into a message a person can act on: the error blocks terraform printed
/// (with file:line), a held state lock with its ID, holder and how to release it, or a stale saved plan.
/// </summary>
internal static class TerraformFailure
{
    private const string LockError = "Error acquiring the state lock";
    private const string StalePlan = "Saved plan is stale";

    public static SlipwayException From(InfraOptions options, string command, ProcessResult result)
        => From(options, command, result.ExitCode, result.StandardError + Environment.NewLine + result.StandardOutput, diagnostics: null);

    /// <summary>
    /// A failure from the text terraform printed and, when it reported them as JSON (<c>-json</c>), its error diagnostics
    /// (files already relative to the repository root); without them the errors are read from the text.
    /// </summary>
    public static SlipwayException From(InfraOptions options, string command, int exitCode, string output, IReadOnlyList<TerraformDiagnostic>? diagnostics)
    {
        string stack = Path.GetRelativePath(options.RepositoryRoot, options.StackDirectory);
        string workspace = options.EffectiveWorkspace;

        if (output.Contains(LockError, StringComparison.Ordinal))
        {
            return StateLockFailure.From(options, output);
        }

        if (output.Contains(StalePlan, StringComparison.Ordinal))
        {
            return SlipwayException.Refused(
                $"The saved plan is stale: the state of workspace '{workspace}' changed after the plan was made, so {options.Tool} will not apply it. " +
                $"Run PlanInfra again: ./build.sh PlanInfra --env {options.Environment}");
        }

        IReadOnlyList<TerraformDiagnostic> errors = diagnostics is { Count: > 0 } ? diagnostics : TerraformText.ParseErrors(output, file => RelativeToRoot(options, file));
        string body = errors.Count > 0
            ? string.Join(Environment.NewLine, errors.Select(static e => e.Format()))
            : Tail(output);
        string message = $"{options.Tool} {command} failed (exit code {exitCode}) in {stack}:{Environment.NewLine}{body}";

        // Before apply, an error that points into the configuration (file and line) is bad input: exit 2.
        bool configuration = command != "apply" && errors.Any(static e => e.File is not null);
        return configuration ? SlipwayException.Input(message) : SlipwayException.Failed(message);
    }

    /// <summary>A path terraform printed (relative to the stack) made relative to the repository root.</summary>
    public static string RelativeToRoot(InfraOptions options, string file)
        => Path.GetRelativePath(options.RepositoryRoot, Path.Combine(options.StackDirectory, file)).Replace('\\', '/');

    private static string Tail(string output)
    {
        string[] lines = output.Trim().Split('\n');
        return string.Join('\n', lines.Skip(Math.Max(0, lines.Length - 30)));
    }
}
