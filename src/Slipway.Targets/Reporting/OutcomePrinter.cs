using Slipway.Targets.Execution;
using Slipway.Targets.Output;

namespace Slipway.Targets.Reporting;

/// <summary>The end of a run: the summary table and one line saying how the build ended and what to do next.</summary>
internal static class OutcomePrinter
{
    public static void Print(BuildOutput output, IReadOnlyList<ExecutableTarget> executed, TimeSpan elapsed, int exitCode)
    {
        output.Info(string.Empty);
        output.Info(SummaryPrinter.Render(executed, elapsed));
        switch (exitCode)
        {
            case ExitCodes.Success:
                output.Success($"Build succeeded on {DateTime.Now:yyyy-MM-dd HH:mm:ss}.");
                break;
            case ExitCodes.Interrupted:
                output.Error("Build interrupted (Ctrl+C).");
                break;
            case ExitCodes.Refused:
                output.Error("Build refused by a gate (exit 3): see the reason above.");
                break;
            case ExitCodes.BadInput:
                output.Error("Build stopped on bad input (exit 2): fix what the error above names and run again.");
                break;
            default:
                output.Error($"Build failed (exit {exitCode}). Fix the error above and run again; add --continue to skip the targets that already succeeded.");
                break;
        }
    }
}
