namespace Slipway.Processes;

/// <summary>
/// A process whose standard input and output flow while it runs (<see cref="IProcessRunner.Start"/>): the caller writes
/// <see cref="Input"/>, reads <see cref="Output"/> as it arrives and may stop early; disposing kills the process tree if it
/// still runs and never throws. A caller that reads to the end awaits <see cref="Completion"/> for the exit code.
/// </summary>
public sealed class RunningProcess : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;

    internal RunningProcess(Stream input, Stream output, Func<CancellationToken, Task<ProcessResult>> run)
    {
        Input = input;
        Output = output;
        _stop = new CancellationTokenSource();
        Completion = run(_stop.Token);
    }

    /// <summary>Standard input; dispose it to close the process's input (end of file).</summary>
    public Stream Input { get; }

    /// <summary>Standard output, as the tool wrote it (unmasked: the caller must mask what it shows); ends when the process does.</summary>
    public Stream Output { get; }

    /// <summary>The exit (standard error masked, standard output not kept); throws as <see cref="IProcessRunner.RunAsync"/> does.</summary>
    public Task<ProcessResult> Completion { get; }

    public async ValueTask DisposeAsync()
    {
        await Input.DisposeAsync().ConfigureAwait(false);
        await Output.DisposeAsync().ConfigureAwait(false); // a writer waiting for room goes on, so the output copy ends when the process does
        if (!Completion.IsCompleted)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
        }

        try
        {
            await Completion.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // stopped early on purpose, or failed after the caller stopped reading: nothing the caller still needs
        }

        _stop.Dispose();
    }
}
