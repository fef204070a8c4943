namespace Slipway.Targets.Execution;

/// <summary>Maps an exception to an exit code and whether it is expected: the build's rules first, then the engine's.</summary>
internal sealed class FailureClassifier
{
    private readonly BuildBase _build;

    public FailureClassifier(BuildBase build)
    {
        _build = build;
    }

    public FailureInfo Classify(Exception exception)
    {
        Exception inner = exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception;
        return _build.ClassifyFailure(inner)
            ?? (inner switch
            {
                BuildException build => new FailureInfo(build.ExitCode, IsExpected: true),
                IOException or UnauthorizedAccessException => new FailureInfo(ExitCodes.TargetFailed, IsExpected: true), // the disk refused: said as such, not as a bug
                _ => new FailureInfo(ExitCodes.TargetFailed, IsExpected: false),
            });
    }
}
