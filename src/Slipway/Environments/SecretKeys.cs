using System.Buffers;

namespace Slipway.Environments;

/// <summary>
/// Whether a key looks like it holds a secret: its last word is password, passwd, pwd, token, secret, apikey or
/// credentials, or it ends in "key" after api, access, secret, private, ssh, license, encryption, signing or client
/// (<c>apiKey</c>, <c>ssh_private_key</c>). Keys starting with "existing" (Helm's <c>existingSecret</c>: the name of
/// a Kubernetes Secret) are not secrets. Words split at '_', '-', '.' and lower-to-upper case changes.
/// </summary>
public static class SecretKeys
{
    private static readonly HashSet<string> s_secretWords = new(StringComparer.Ordinal)
    {
        "password", "passwd", "pwd", "token", "secret", "apikey", "credentials", "credential",
    };

    private static readonly HashSet<string> s_keyPrefixes = new(StringComparer.Ordinal)
    {
        "api", "access", "secret", "private", "ssh", "license", "encryption", "signing", "client",
    };

    // Every secret word contains one of these (case-insensitive): most keys are ruled out by one vectorized search.
    private static readonly SearchValues<string> s_fragments = SearchValues.Create(["pass", "pwd", "token", "secret", "key", "credential"], StringComparison.OrdinalIgnoreCase);

    public static bool LooksSecret(string key) => LooksSecret(key.AsSpan());

    /// <summary>
    /// The one rule for plain text where a secret belongs, used by the SLW0203 check and by ShowConfig's masking alike:
    /// a scalar with text (not null, not a <c>${env:…}</c>/<c>${file:…}</c> reference) whose own key looks secret
    /// (for a list item, the list's key). A mapping under a secret-looking key is not itself secret: its keys are
    /// judged one by one.
    /// </summary>
    public static bool IsPlainTextSecret(ReadOnlySpan<char> key, Yaml.ConfigScalar value)
        => value.Value.Length > 0 && !value.IsNull && !value.IsExplicitNull && LooksSecret(key) && !SecretReference.ContainsReference(value.Value);

    /// <summary><see cref="LooksSecret(string)"/> of a part of a path, without allocating for the common case.</summary>
    public static bool LooksSecret(ReadOnlySpan<char> key)
    {
        if (!key.ContainsAny(s_fragments))
        {
            return false;
        }

        List<string> words = Words(key);
        if (words.Count == 0 || words[0] == "existing")
        {
            return false;
        }

        string last = words[^1];
        return s_secretWords.Contains(last) || (last == "key" && words.Count >= 2 && s_keyPrefixes.Contains(words[^2]));
    }

    private static List<string> Words(ReadOnlySpan<char> key)
    {
        var words = new List<string>();
        int start = 0;
        for (int i = 0; i <= key.Length; i++)
        {
            bool boundary = i == key.Length || key[i] is '_' or '-' or '.'
                || (i > start && char.IsUpper(key[i]) && char.IsLower(key[i - 1]));
            if (!boundary)
            {
                continue;
            }

            if (i > start)
            {
                words.Add(key[start..i].ToString().ToLowerInvariant());
            }

            start = i < key.Length && key[i] is '_' or '-' or '.' ? i + 1 : i;
        }

        return words;
    }
}
