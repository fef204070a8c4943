namespace Slipway.Verification;

/// <summary>Receives each pass of Verify, so the build can show live progress on a terminal or periodic lines in CI.</summary>
public interface IVerificationProgress
{
    void Report(VerificationReport report, TimeSpan elapsed, TimeSpan timeout);
}
