using Slipway;
using Slipway.Targets.Output;

/// <summary>Adapts the domain library's log to the engine's masked output.</summary>
internal sealed class BuildLog : ILog
{
    private readonly BuildOutput _output;

    public BuildLog(BuildOutput output)
    {
        _output = output;
    }

    public void Debug(string message) => _output.Debug(message);

    public void Info(string message) => _output.Info(message);

    public void Warning(string message) => _output.Warning(message);

    public void Error(string message) => _output.Error(message);

    public void AddSecret(string value) => _output.Masker.Add(value);
}
