namespace Slipway.Verification;

/// <summary>
/// Shows Verify's progress as lines: whenever what is ready changes, and otherwise every <c>heartbeat</c>
/// (short on a terminal, longer in CI logs), each with elapsed / timeout.
/// </summary>
public sealed class LogVerificationProgress : IVerificationProgress
{
    private readonly ILog _log;
    private readonly TimeSpan _heartbeat;
    private string? _lastSummary;
    private TimeSpan _lastPrinted = TimeSpan.MinValue;

    public LogVerificationProgress(ILog log, TimeSpan heartbeat)
    {
        _log = log;
        _heartbeat = heartbeat;
    }

    public void Report(VerificationReport report, TimeSpan elapsed, TimeSpan timeout)
    {
        string summary = report.Summary();
        if (summary == _lastSummary && elapsed - _lastPrinted < _heartbeat)
        {
            return;
        }

        _lastSummary = summary;
        _lastPrinted = elapsed;
        _log.Info($"[{elapsed.TotalSeconds,5:0.0}s / {timeout.TotalSeconds:0}s] {summary}");
    }
}
