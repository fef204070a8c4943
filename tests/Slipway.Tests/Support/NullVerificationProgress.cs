using Slipway.Verification;

namespace Slipway.Tests.Support;

/// <summary>Verify's progress, not shown (the tests assert on the report and the exception).</summary>
public sealed class NullVerificationProgress : IVerificationProgress
{
    public static readonly NullVerificationProgress Instance = new();

    public void Report(VerificationReport report, TimeSpan elapsed, TimeSpan timeout)
    {
    }
}
