namespace Slipway.Processes;

/// <summary>Runs an external process; the one place that starts processes.</summary>
public interface IProcessRunner
{
    /// <summary>Runs the process to completion; throws <see cref="ProcessFailedException"/> when the exit code is not accepted.</summary>
    Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken cancellationToken);
}
