namespace Slipway.Hosting;

/// <summary>Read access to environment variables, injected so tests control them.</summary>
public interface IEnvironmentVariables
{
    string? Get(string name);

    IReadOnlyDictionary<string, string> GetAll();
}
