using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Slipway.IO;

namespace Slipway.Benchmarks.Infrastructure;

/// <summary>
/// Grows the state of the benchmark stack's real 8-instance apply to N instances, as if N had been applied:
/// instance 0, 3 and 7 are the templates for a plain item, an item whose tier changes and an item whose
/// <c>triggers_replace</c> changes.
/// </summary>
internal static class StateCloner
{
    public static async Task ExpandAsync(string statePath, int resources, CancellationToken cancellationToken)
    {
        JsonNode state = JsonNode.Parse(await File.ReadAllTextAsync(statePath, cancellationToken))!;
        JsonArray instances = state["resources"]![0]!["instances"]!.AsArray();
        JsonNode[] templates = [instances[0]!.DeepClone(), instances[3]!.DeepClone(), instances[7]!.DeepClone()];
        instances.Clear();
        for (int i = 0; i < resources; i++)
        {
            JsonNode template = i % 50 == 7 ? templates[2] : i % 10 == 3 ? templates[1] : templates[0];
            JsonNode instance = template.DeepClone();
            instance["index_key"] = i;
            JsonNode attributes = instance["attributes"]!;
            attributes["id"] = new Guid(MD5.HashData(Encoding.UTF8.GetBytes($"item-{i}"))).ToString();
            foreach (string name in (string[])["input", "output"])
            {
                JsonNode value = attributes[name]!["value"]!;
                value["name"] = $"item-{i}";
                value["labels"]!["index"] = i.ToString(CultureInfo.InvariantCulture);
            }

            instances.Add(instance);
        }

        state["serial"] = state["serial"]!.GetValue<int>() + 1;
        await AtomicFile.WriteAllTextAsync(statePath, state.ToJsonString(), cancellationToken);
    }
}
