using System.Text.Json;
using System.Text.Json.Serialization;
using Slipway.IO;

namespace Slipway.Infrastructure;

/// <summary>
/// What was reviewed, written next to the saved plan as <c>infra-plan.json</c>: ApplyInfra applies the plan
/// only when its hash, the repository commit, the stack's files and the environment still match and it is young enough.
/// </summary>
public sealed record PlanMetadata
{
    public const string FileName = "infra-plan.json";

    private static readonly JsonSerializerOptions s_json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public int FormatVersion { get; init; } = 1;

    public required string Environment { get; init; }

    public required string Workspace { get; init; }

    public required string Tool { get; init; }

    /// <summary>The stack folder, relative to the repository root.</summary>
    public required string Stack { get; init; }

    public required string PlanFile { get; init; }

    public required string PlanSha256 { get; init; }

    public required string Commit { get; init; }

    /// <summary>The stack's files and their SHA-256 when planned (<see cref="StackFiles"/>); empty in plans made before it was recorded.</summary>
    public IReadOnlyDictionary<string, string> StackFiles { get; init; } = new Dictionary<string, string>();

    public required DateTimeOffset CreatedAt { get; init; }

    public bool RefreshOnly { get; init; }

    public required bool HasChanges { get; init; }

    public required RiskLevel Risk { get; init; }

    public required PlanCounts Counts { get; init; }

    public IReadOnlyList<ResourceChange> Destructive { get; init; } = [];

    public IReadOnlyList<ResourceChange> Drift { get; init; } = [];

    public Task WriteAsync(string path, CancellationToken cancellationToken)
        => AtomicFile.WriteAllTextAsync(path, JsonSerializer.Serialize(this, s_json) + "\n", cancellationToken);

    public static async Task<PlanMetadata> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            string json = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            return JsonSerializer.Deserialize<PlanMetadata>(json, s_json)
                ?? throw SlipwayException.Input($"{path} is empty. Run PlanInfra again.");
        }
        catch (JsonException ex)
        {
            throw SlipwayException.Input($"{path}:{(ex.LineNumber ?? 0) + 1}: not valid plan metadata ({ex.Message}). Run PlanInfra again.");
        }
    }
}
