using Slipway;

namespace Slipway.Tests.Environments;

/// <summary>An <see cref="ILog"/> that keeps what it was told.</summary>
public sealed class RecordingLog : ILog
{
    public List<string> Lines { get; } = [];

    public List<string> Secrets { get; } = [];

    public void Debug(string message) => Lines.Add("debug: " + message);

    public void Info(string message) => Lines.Add("info: " + message);

    public void Warning(string message) => Lines.Add("warning: " + message);

    public void Error(string message) => Lines.Add("error: " + message);

    public void AddSecret(string value) => Secrets.Add(value);
}
