namespace Slipway.Tests.Support;

/// <summary>
/// An <see cref="ILog"/> that keeps every line as written, prefixed with its level (<c>info: …</c>), and every secret
/// it was told to mask; no masking, so tests can prove a secret never reached the log. Safe to write from several threads.
/// </summary>
public sealed class RecordingLog : ILog
{
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];
    private readonly List<string> _secrets = [];

    /// <summary>A snapshot of the lines written so far.</summary>
    public IReadOnlyList<string> Lines => Snapshot(_lines);

    /// <summary>A snapshot of the values passed to <see cref="AddSecret"/>.</summary>
    public IReadOnlyList<string> Secrets => Snapshot(_secrets);

    public string Text => string.Join('\n', Lines);

    public void Debug(string message) => Add(_lines, "debug: " + message);

    public void Info(string message) => Add(_lines, "info: " + message);

    public void Warning(string message) => Add(_lines, "warning: " + message);

    public void Error(string message) => Add(_lines, "error: " + message);

    public void AddSecret(string value) => Add(_secrets, value);

    private void Add(List<string> list, string value)
    {
        lock (_gate)
        {
            list.Add(value);
        }
    }

    private List<string> Snapshot(List<string> list)
    {
        lock (_gate)
        {
            return [.. list];
        }
    }
}
