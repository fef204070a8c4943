namespace Slipway;

/// <summary>A log that drops everything; for tests and callers that have nothing to say.</summary>
public sealed class NullLog : ILog
{
    public static readonly NullLog Instance = new();

    public void Debug(string message) { }

    public void Info(string message) { }

    public void Warning(string message) { }

    public void Error(string message) { }

    public void AddSecret(string value) { }
}
