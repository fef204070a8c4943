using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Slipway.IO;

namespace Slipway.BuildTools.Benchmarks;

/// <summary>Reads and writes the benchmarks' machine-readable results (camelCase JSON, nulls left out, written atomically).</summary>
public static class BenchmarkJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static Task WriteAsync<T>(string path, T value, CancellationToken cancellationToken)
        => AtomicFile.WriteAllTextAsync(path, Serialize(value) + "\n", cancellationToken);

    /// <summary>Reads <paramref name="path"/>; a file that is not such JSON is a failure naming the file.</summary>
    public static async Task<T> ReadAsync<T>(string path, CancellationToken cancellationToken)
    {
        string text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize<T>(text, Options) ?? throw new JsonException("null");
        }
        catch (JsonException error)
        {
            throw SlipwayException.Failed($"{path}: not a benchmark result ({error.Message}). Delete it and run ./build.sh Benchmark again.");
        }
    }
}
