namespace Slipway.Benchmarks;

/// <summary>
/// Runs one benchmark by name: <c>dotnet run -c Release --project tests/Slipway.Benchmarks -- NAME [args]</c>.
/// Each prints its figures and, where the issue asks for a ratio, the baseline measured in the same run.
/// Whole-process timings (the bootstrap) are scripts beside this file.
/// </summary>
public static class Program
{
    private static readonly Dictionary<string, (string Description, Func<string[], Task<int>> Run)> s_benchmarks = new(StringComparer.OrdinalIgnoreCase)
    {
    };

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || !s_benchmarks.TryGetValue(args[0], out var benchmark))
        {
            Console.WriteLine("Usage: dotnet run -c Release --project tests/Slipway.Benchmarks -- NAME [args]");
            Console.WriteLine("Benchmarks:");
            foreach ((string name, (string description, _)) in s_benchmarks)
            {
                Console.WriteLine($"  {name,-22} {description}");
            }

            Console.WriteLine("  (bootstrap: tests/Slipway.Benchmarks/bootstrap-plan.sh)");
            return args.Length == 0 ? 0 : 2;
        }

        return await benchmark.Run(args[1..]);
    }
}
