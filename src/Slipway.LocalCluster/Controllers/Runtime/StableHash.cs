using System.Text;

namespace Slipway.LocalCluster.Controllers.Runtime;

/// <summary>Hashes that stay the same across processes (unlike <see cref="string.GetHashCode()"/>), and Kubernetes' safe alphabet.</summary>
internal static class StableHash
{
    private const string SafeAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static uint Fnv32(string text)
    {
        uint hash = 2166136261;
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 16777619;
        }

        return hash;
    }

    /// <summary>Encodes a number in the alphabet Kubernetes uses for generated names (no vowels, no look-alikes).</summary>
    public static string SafeEncode(uint value, int minLength = 1)
    {
        var text = new StringBuilder();
        do
        {
            text.Insert(0, SafeAlphabet[(int)(value % (uint)SafeAlphabet.Length)]);
            value /= (uint)SafeAlphabet.Length;
        }
        while (value > 0 || text.Length < minLength);
        return text.ToString();
    }

    /// <summary>A random suffix like the one <c>generateName</c> adds (5 characters).</summary>
    public static string RandomSuffix()
    {
        var text = new StringBuilder(5);
        for (int i = 0; i < 5; i++)
        {
            text.Append(SafeAlphabet[Random.Shared.Next(SafeAlphabet.Length)]);
        }

        return text.ToString();
    }
}
