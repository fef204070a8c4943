using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Slipway.Targets.Execution;

/// <summary>
/// Remembers which targets succeeded in the previous run and with which arguments, so <c>--continue</c>
/// can skip them when the arguments are the same. Stored in <c>.nuke/temp/build-attempt.json</c>.
/// </summary>
internal sealed class ContinueState
{
    private const string FileName = "build-attempt.json";

    public string ArgumentsHash { get; init; } = string.Empty;

    public List<string> Succeeded { get; init; } = [];

    public static string Hash(IEnumerable<string> arguments)
        => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\0', arguments))));

    public static ContinueState? Load(string temporaryDirectory)
    {
        string path = Path.Combine(temporaryDirectory, FileName);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<ContinueState>(File.ReadAllText(path)) : null;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            return null; // a cache: a damaged or unreadable one is simply ignored
        }
    }

    /// <summary>Writes the state; returns why it could not (a read-only or full disk), or null. It is a cache: never fatal.</summary>
    public string? Save(string temporaryDirectory)
    {
        string path = Path.Combine(temporaryDirectory, FileName);
        string temp = path + $".{Environment.ProcessId}.tmp";
        try
        {
            Directory.CreateDirectory(temporaryDirectory);
            File.WriteAllText(temp, JsonSerializer.Serialize(this));
            File.Move(temp, path, overwrite: true);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            return $"{path}: {FileErrors.Reason(ex)}";
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}
