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
        string stack = options.StackPath;
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

        if (command == "init" && StackBackend.ChangeRefusal(options, output) is { } refusal)
        {
            return refusal;
        }

        if (command == "apply" && Signal(exitCode) is { } signal)
        {
            return Interrupted(options, signal, exitCode);
        }

        IReadOnlyList<TerraformDiagnostic> errors = [.. (diagnostics is { Count: > 0 } ? diagnostics : TerraformText.ParseErrors(output, file => RelativeToRoot(options, file)))
            .Select(error => EnvironmentKeys.Map(options, error))];
        string body = errors.Count > 0
            ? string.Join(Environment.NewLine, errors.Select(static e => e.Format()))
            : Tail(output);
        string message = $"{options.Tool} {command} failed (exit code {exitCode}) in {stack}:{Environment.NewLine}{body}";

        if (command == "apply")
        {
            message += $"{Environment.NewLine}Part of the plan may have been applied before the error. Fix the cause, then plan again from the state as it is now: ./build.sh PlanInfra --env {options.Environment}";
        }

        // Before apply, an error that points into the configuration (file and line) is bad input: exit 2.
        bool configuration = command != "apply" && errors.Any(static e => e.File is not null);
        return configuration ? SlipwayException.Input(message) : SlipwayException.Failed(message);
    }

    /// <summary>
    /// terraform ended by a signal in the middle of an apply (killed by a person, the OOM killer, a CI runner cancelling the job):
    /// what may be left (a partial apply, a lock a remote backend keeps) and the commands that recover, with the real lock ID
    /// when the local backend's lock info file still holds one.
    /// </summary>
    private static SlipwayException Interrupted(InfraOptions options, int signal, int exitCode)
    {
        string nl = Environment.NewLine;
        string stack = options.StackPath;
        string? lockId = StateLockFailure.LocalLockId(options);
        string unlock = lockId is null
            ? $"If {options.Tool} then says the state is locked (a remote backend keeps the lock of a killed run), release it with the lock ID it prints, once you are sure no other {options.Tool} runs:{nl}  {StateLockFailure.ForceUnlockCommand(options, "<lock ID>")}"
            : $"The killed run's lock {lockId} is still recorded. If {options.Tool} then says the state is locked (a remote backend keeps the lock of a killed run), release it once you are sure no other {options.Tool} runs:{nl}  {StateLockFailure.ForceUnlockCommand(options, lockId)}";
        return SlipwayException.Failed(
            $"{options.Tool} apply was interrupted: it was killed by signal {signal} ({SignalName(signal)}, exit code {exitCode}) in {stack}, workspace '{options.EffectiveWorkspace}', before it finished. " +
            $"Part of the plan may have been applied: the state holds what {options.Tool} recorded before it stopped, and resources it was creating may exist outside the state. " +
            $"The interrupted plan will not be applied again. Next, plan from the state as it is now and apply that plan:{nl}" +
            $"  ./build.sh ApplyInfra --env {options.Environment}   (plans again, then applies; run ./build.sh PlanInfra --env {options.Environment} first to review){nl}" +
            unlock);
    }

    /// <summary>The signal that ended a process, from the exit code .NET reports for it on Unix (128 + signal).</summary>
    private static int? Signal(int exitCode) => exitCode is > 128 and < 128 + 65 ? exitCode - 128 : null;

    private static string SignalName(int signal) => signal switch
    {
        1 => "SIGHUP",
        2 => "SIGINT",
        6 => "SIGABRT",
        9 => "SIGKILL",
        15 => "SIGTERM",
        _ => "signal " + signal,
    };

    /// <summary>A path terraform printed (relative to the stack) made relative to the repository root.</summary>
    public static string RelativeToRoot(InfraOptions options, string file)
        => Path.GetRelativePath(options.RepositoryRoot, Path.Combine(options.StackDirectory, file)).Replace('\\', '/');

    private static string Tail(string output)
    {
        string[] lines = output.Trim().Split('\n');
        return string.Join('\n', lines.Skip(Math.Max(0, lines.Length - 30)));
    }
}
