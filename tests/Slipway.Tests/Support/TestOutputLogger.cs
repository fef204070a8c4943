using Microsoft.Extensions.Logging;

namespace Slipway.Tests.Support;

/// <summary>Writes controller warnings to the test output, so a failing test shows why a reconcile failed.</summary>
internal sealed class TestOutputLogger : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        => TestContext.Current.SendDiagnosticMessage($"{formatter(state, exception)}: {exception}");
}
