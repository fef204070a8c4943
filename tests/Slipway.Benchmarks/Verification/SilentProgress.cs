using Slipway.Verification;

namespace Slipway.Benchmarks.Verification;

/// <summary>Progress that shows nothing, so the benchmark times Verify and not the console.</summary>
internal sealed class SilentProgress : IVerificationProgress
{
    public void Report(VerificationReport report, TimeSpan elapsed, TimeSpan timeout)
    {
    }
}
