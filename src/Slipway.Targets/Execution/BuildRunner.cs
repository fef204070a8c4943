using System.Collections;
using System.Runtime.InteropServices;
using Slipway.Targets.Output;

namespace Slipway.Targets.Execution;

/// <summary>
/// The process entry point: wires the console (masked), Ctrl+C and SIGTERM to one cancellation token, and runs
/// the pipeline. Exit codes: 0 success, 1 target failed, 2 bad input, 3 refused, 130 interrupted.
/// </summary>
internal static class BuildRunner
{
    public static async Task<int> RunProcessAsync(BuildBase build, IReadOnlyList<string> args, IReadOnlyList<string> defaultTargets)
    {
        using var cancellation = new CancellationTokenSource();
        void OnSignal(PosixSignalContext context)
        {
            if (!cancellation.IsCancellationRequested)
            {
                context.Cancel = true; // first signal: cancel cleanly; a second one ends the process
                cancellation.Cancel();
            }
        }

        using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

        var masker = new SecretMasker();
        TextWriter originalOut = Console.Out;
        TextWriter originalError = Console.Error;
        var maskedOut = new MaskingTextWriter(originalOut, masker);
        var maskedError = new MaskingTextWriter(originalError, masker);
        Console.SetOut(maskedOut);
        Console.SetError(maskedError);
        try
        {
            var context = new RunContext(maskedOut, maskedError, ReadEnvironment(), Directory.GetCurrentDirectory(), !Console.IsOutputRedirected);
            return await new BuildPipeline(build, context, masker).RunAsync(args, defaultTargets, cancellation.Token).ConfigureAwait(false);
        }
        finally
        {
            maskedOut.Flush();
            maskedError.Flush();
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }

    private static Dictionary<string, string> ReadEnvironment()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            result[(string)entry.Key] = (string?)entry.Value ?? string.Empty;
        }

        return result;
    }
}
