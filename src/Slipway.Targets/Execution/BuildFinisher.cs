using Slipway.Targets.Output;

namespace Slipway.Targets.Execution;

/// <summary>Runs the build's report and finish hooks; a failure there is reported and fails the run, but never hides an earlier one.</summary>
internal sealed class BuildFinisher
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    private readonly BuildBase _build;
    private readonly BuildOutput _output;
    private readonly FailureClassifier _classifier;

    public BuildFinisher(BuildBase build, BuildOutput output, FailureClassifier classifier)
    {
        _build = build;
        _output = output;
        _classifier = classifier;
    }

    /// <summary>Returns the run's exit code: <paramref name="exitCode"/>, or the finish hook's failure when the run had succeeded.</summary>
    public Task<int> FinishAsync(int exitCode) => RunHookAsync(exitCode, "Finishing the build", _build.OnBuildFinishedAsync);

    /// <summary>Gives the build the outcome of <paramref name="executed"/> to report; returns the run's exit code as <see cref="FinishAsync"/> does.</summary>
    public Task<int> ReportAsync(int exitCode, IReadOnlyList<ExecutableTarget> executed, TimeSpan elapsed)
    {
        var outcome = new RunOutcome(executed.Select(static t => new TargetOutcome(t.Name, t.Status, t.Duration, t.Reason, t.Error)).ToList(), elapsed, exitCode);
        return RunHookAsync(exitCode, "Reporting the run", ct => _build.OnRunReportedAsync(outcome, ct));
    }

    private async Task<int> RunHookAsync(int exitCode, string what, Func<CancellationToken, Task> hook)
    {
        using var timeout = new CancellationTokenSource(s_timeout);
        try
        {
            await hook(timeout.Token).ConfigureAwait(false);
            return exitCode;
        }
        catch (Exception ex)
        {
            FailureInfo failure = _classifier.Classify(ex);
            _output.Error(failure.IsExpected ? ex.Message : $"{what} failed: {ex.GetType().Name}: {ex.Message}");
            if (_output.IsVerbose)
            {
                _output.ErrorDetail(ex.ToString());
            }

            return exitCode == ExitCodes.Success ? failure.ExitCode : exitCode;
        }
    }
}
