using System.Globalization;

namespace Slipway.Benchmarks;

/// <summary>Reads a benchmark's <c>--name value</c> options.</summary>
internal static class BenchmarkArguments
{
    public static string? Option(string[] args, string name)
    {
        int index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    public static int Int(string[] args, string name, int fallback)
        => Option(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
