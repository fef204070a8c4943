namespace Slipway.Targets.Output;

/// <summary>The secret values of a run; every line the engine prints passes through <see cref="Mask"/>.</summary>
public sealed class SecretMasker
{
    private readonly object _gate = new();
    private string[] _secrets = [];

    /// <summary>Raised once for each new secret (GitHub Actions: the engine emits <c>::add-mask::</c> for it).</summary>
    public event Action<string>? Added;

    public void Add(string value)
    {
        if (string.IsNullOrEmpty(value) || value.Length < 3)
        {
            return; // masking one or two characters would garble every line
        }

        lock (_gate)
        {
            if (_secrets.Contains(value, StringComparer.Ordinal))
            {
                return;
            }

            _secrets = [.. _secrets.Append(value).OrderByDescending(static s => s.Length)];
        }

        Added?.Invoke(value);
    }

    public string Mask(string text)
    {
        string[] secrets = _secrets;
        foreach (string secret in secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, "***", StringComparison.Ordinal);
            }
        }

        return text;
    }
}
