namespace Slipway.Freezing.Images;

/// <summary>The registry logins the caller resolved, by registry host (<c>docker.io</c> for Docker Hub). None by default.</summary>
public sealed class RegistryCredentials
{
    private readonly Dictionary<string, RegistryCredential> _byRegistry;

    public RegistryCredentials(IEnumerable<RegistryCredential> credentials)
    {
        _byRegistry = credentials.ToDictionary(static c => c.Registry, StringComparer.OrdinalIgnoreCase);
    }

    public static RegistryCredentials None { get; } = new([]);

    public RegistryCredential? For(string registry) => _byRegistry.GetValueOrDefault(registry);

    /// <summary>Registers every password with <paramref name="log"/> so that no line shows it.</summary>
    internal void Mask(ILog log)
    {
        foreach (RegistryCredential credential in _byRegistry.Values)
        {
            if (credential.Password is { } password)
            {
                log.AddSecret(password);
            }
        }
    }
}
