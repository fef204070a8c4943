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

    private static readonly string[] s_fragments = ["pass", "pwd", "token", "secret", "key", "credential"];

    public static bool LooksSecret(string key)
    {
        if (!MayLookSecret(key))
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

    private static bool MayLookSecret(string key)
    {
        foreach (string fragment in s_fragments)
        {
            if (key.Contains(fragment, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> Words(string key)
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
                words.Add(key[start..i].ToLowerInvariant());
            }

            start = i < key.Length && key[i] is '_' or '-' or '.' ? i + 1 : i;
        }

        return words;
    }
}
