using System.Text.Json;

namespace Slipway.Infrastructure;

/// <summary>Reads the diagnostics of <c>terraform validate -json</c> (a small document).</summary>
internal static class ValidateOutput
{
    public static IReadOnlyList<TerraformDiagnostic> Parse(string json, Func<string, string> relativePath)
    {
        var diagnostics = new List<TerraformDiagnostic>();
        using JsonDocument document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("diagnostics", out JsonElement items) || items.ValueKind != JsonValueKind.Array)
        {
            return diagnostics;
        }

        foreach (JsonElement item in items.EnumerateArray())
        {
            string? file = null;
            int? line = null;
            if (item.TryGetProperty("range", out JsonElement range))
            {
                file = relativePath(range.GetProperty("filename").GetString() ?? string.Empty);
                line = range.GetProperty("start").GetProperty("line").GetInt32();
            }

            diagnostics.Add(new TerraformDiagnostic(
                Text(item, "severity") ?? "error",
                Text(item, "summary") ?? string.Empty,
                Text(item, "detail") ?? string.Empty,
                file,
                line));
        }

        return diagnostics;
    }

    private static string? Text(JsonElement element, string name)
        => element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
