namespace Slipway.Processes;

/// <summary>Replaces secret values in text with ***.</summary>
public static class SecretText
{
    public const string Mask = "***";

    public static string Redact(string text, IEnumerable<string> secrets)
    {
        foreach (string secret in secrets.Where(static s => !string.IsNullOrEmpty(s)).OrderByDescending(static s => s.Length))
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
