namespace Slipway.Freezing.Images;

/// <summary>
/// The login for one registry host (<c>ghcr.io</c>, <c>registry-1.docker.io</c> is <c>docker.io</c>), as the caller
/// resolved it from <c>${env:…}</c> references: <paramref name="Password"/> is the password or token, null when the
/// reference named an unset variable; <paramref name="Variables"/> names what supplies the values (<c>GHCR_USER and
/// GHCR_TOKEN</c>), for the message that says what to set. The values never appear in <see cref="ToString"/>.
/// </summary>
public sealed record RegistryCredential(string Registry, string? Username, string? Password, string Variables)
{
    /// <summary>The login read from two environment variables (either may be unset: then the registry's 401 says which).</summary>
    public static RegistryCredential FromEnvironment(string registry, string usernameVariable, string passwordVariable)
        => new(
            registry,
            Environment.GetEnvironmentVariable(usernameVariable) is { Length: > 0 } user ? user : null,
            Environment.GetEnvironmentVariable(passwordVariable) is { Length: > 0 } password ? password : null,
            $"{usernameVariable} and {passwordVariable}");

    /// <summary>Whether there is a password (or token) to send; a token-only registry takes any user name.</summary>
    public bool IsSet => Password is not null;

    public override string ToString() => $"{Registry} login from {Variables} ({(IsSet ? "set" : "unset")})";
}
