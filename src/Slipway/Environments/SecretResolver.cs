using Slipway.Hosting;

namespace Slipway.Environments;

/// <summary>
/// Resolves <c>${env:NAME}</c> and <c>${file:path}</c> references when a value is about to be used (never while
/// loading or printing), and registers each resolved secret with <see cref="ILog.AddSecret"/> so no log line shows it.
/// A missing variable or file is a <see cref="SlipwayException"/> (Input) naming the reference and where it was set.
/// </summary>
public sealed class SecretResolver
{
    private readonly IEnvironmentVariables _variables;
    private readonly string _repositoryRoot;
    private readonly ILog _log;

    public SecretResolver(IEnvironmentVariables variables, string repositoryRoot, ILog log)
    {
        _variables = variables;
        _repositoryRoot = Path.GetFullPath(repositoryRoot);
        _log = log;
    }

    /// <summary>The value with every reference replaced; <paramref name="origin"/> (e.g. <c>environments/prod/env.yaml:12</c>) is named in errors.</summary>
    public string Resolve(string value, string? origin = null) => Resolve(value, origin, secret: true);

    /// <summary>
    /// Resolves a reference in a value that names something rather than hides it (a Terraform workspace taken from the
    /// branch, <c>${env:CI_COMMIT_REF_SLUG}</c>): the same rules, but the result is not registered for masking.
    /// </summary>
    public string ResolveName(string value, string? origin = null) => Resolve(value, origin, secret: false);

    private string Resolve(string value, string? origin, bool secret)
    {
        if (!SecretReference.ContainsReference(value))
        {
            return value;
        }

        if (SecretReference.FindProblem(value) is { } problem)
        {
            throw SlipwayException.Input($"{origin ?? "value"}: {problem}");
        }

        string result = value;
        foreach ((string kind, string argument, string text) in SecretReference.Find(value))
        {
            string resolved = kind == "env" ? FromVariable(argument, origin) : FromFile(argument, origin);
            if (secret && resolved.Length > 0)
            {
                _log.AddSecret(resolved);
            }

            result = result.Replace(text, resolved, StringComparison.Ordinal);
        }

        if (secret && result != value && result.Length > 0)
        {
            _log.AddSecret(result);
        }

        return result;
    }

    /// <summary>Resolves every value of a dictionary (such as infrastructure variables).</summary>
    public IReadOnlyDictionary<string, string> ResolveAll(IReadOnlyDictionary<string, string> values, string? origin = null)
        => values.ToDictionary(pair => pair.Key, pair => Resolve(pair.Value, origin is null ? pair.Key : $"{origin} ({pair.Key})"), StringComparer.Ordinal);

    private string FromVariable(string name, string? origin)
        => _variables.Get(name) ?? throw SlipwayException.Input(
            $"{origin ?? "value"}: environment variable '{name}' is not set: export {name}=… (or set it as a CI secret) before running this target");

    private string FromFile(string path, string? origin)
    {
        string full = path.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..])
            : Path.GetFullPath(Path.Combine(_repositoryRoot, path));
        if (!File.Exists(full))
        {
            throw SlipwayException.Input($"{origin ?? "value"}: secret file '{path}' does not exist ({full}): create it or change the reference");
        }

        return File.ReadAllText(full).Trim();
    }
}
