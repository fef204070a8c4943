namespace Slipway;

/// <summary>
/// Where the domain library writes what it has to say. The build adapts it to the engine's output,
/// which masks every registered secret in every line.
/// </summary>
public interface ILog
{
    void Debug(string message);

    void Info(string message);

    void Warning(string message);

    void Error(string message);

    /// <summary>Registers a secret value so that no later line shows it.</summary>
    void AddSecret(string value);
}
