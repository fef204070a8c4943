using Slipway.Targets.Output;

namespace Slipway.Targets.Execution;

/// <summary>Runs the build's finish hook; a failure there is reported and fails the run, but never hides an earlier one.</summary>
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
    public async Task<int> FinishAsync(int exitCode)
    {
        using var timeout = new CancellationTokenSource(s_timeout);
        try
        {
            await _build.OnBuildFinishedAsync(timeout.Token).ConfigureAwait(false);
            return exitCode;
        }
        catch (Exception ex)
        {
            FailureInfo failure = _classifier.Classify(ex);
            _output.Error(failure.IsExpected ? ex.Message : $"Finishing the build failed: {ex.GetType().Name}: {ex.Message}");
            if (_output.IsVerbose)
            {
                _output.ErrorDetail(ex.ToString());
            }

            return exitCode == ExitCodes.Success ? failure.ExitCode : exitCode;
        }
    }
}
