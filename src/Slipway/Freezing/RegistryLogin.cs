using Slipway.Environments;
using Slipway.Freezing.Images;

namespace Slipway.Freezing;

/// <summary>
/// <c>freeze.registries.&lt;host&gt;</c>: a registry login as configured, <paramref name="Username"/> and
/// <paramref name="Password"/> usually <c>${env:…}</c> references (resolved when Freeze runs, never stored),
/// <paramref name="SetAt"/> the file and line that set it, for errors.
/// </summary>
public sealed record RegistryLogin(string Registry, string? Username, string? Password, string SetAt)
{
    /// <summary>
    /// The logins with their references resolved by <paramref name="secrets"/> (the password masked in the log); a
    /// reference to an unset variable is bad input naming it and this key's file and line.
    /// </summary>
    public static RegistryCredentials Resolve(IEnumerable<RegistryLogin> logins, SecretResolver secrets)
        => new(logins.Select(login => new RegistryCredential(
            login.Registry,
            login.Username is null ? null : secrets.ResolveName(login.Username, $"{login.SetAt} (freeze.registries.{login.Registry}.username)"),
            login.Password is null ? null : secrets.Resolve(login.Password, $"{login.SetAt} (freeze.registries.{login.Registry}.password)"),
            $"freeze.registries.{login.Registry} ({login.SetAt})")));
}
