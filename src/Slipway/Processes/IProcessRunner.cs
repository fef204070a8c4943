namespace Slipway.Processes;

/// <summary>Runs an external process; the one place that starts processes.</summary>
public interface IProcessRunner
{
    /// <summary>Runs the process to completion; throws <see cref="ProcessFailedException"/> when the exit code is not accepted.</summary>
    Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Starts the process with its standard input and output as streams the caller works with while it runs (a long-lived
    /// <c>git cat-file --batch</c>, a <c>git log</c> read until what was looked for is found). Timeout, cancellation (SIGINT,
    /// then the tree killed) and the exit code check are those of <see cref="RunAsync"/>, reported by <see cref="RunningProcess.Completion"/>.
    /// </summary>
    RunningProcess Start(ProcessRequest request, CancellationToken cancellationToken);
}
