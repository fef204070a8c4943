using System.Collections.Concurrent;

namespace Slipway.Tests.Infrastructure;

/// <summary>Keeps every line as written (no masking), so tests can prove a secret never reached the log.</summary>
public sealed class RecordingLog : ILog
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ConcurrentQueue<string> Secrets { get; } = new();

    public string Text => string.Join('\n', Lines);

    public void Debug(string message) => Lines.Enqueue("debug: " + message);

    public void Info(string message) => Lines.Enqueue("info: " + message);

    public void Warning(string message) => Lines.Enqueue("warning: " + message);

    public void Error(string message) => Lines.Enqueue("error: " + message);

    public void AddSecret(string value) => Secrets.Enqueue(value);
}
