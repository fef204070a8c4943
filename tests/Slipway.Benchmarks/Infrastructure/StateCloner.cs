using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Slipway.IO;

namespace Slipway.Benchmarks.Infrastructure;

/// <summary>
/// Grows the state of the benchmark stack's real 8-instance apply (one shard) to N instances in shards of
/// <see cref="PlanJsonCache.ShardSize"/>, as if N had been applied: instance 0, 3 and 7 are the templates
/// for a plain item, an item whose tier changes and an item whose <c>triggers_replace</c> changes.
/// </summary>
internal static class StateCloner
{
    public static async Task ExpandAsync(string statePath, int resources, CancellationToken cancellationToken)
    {
        JsonNode state = JsonNode.Parse(await File.ReadAllTextAsync(statePath, cancellationToken))!;
        JsonArray stateResources = state["resources"]!.AsArray();
        JsonNode resourceTemplate = stateResources[0]!.DeepClone();
        JsonArray templateInstances = resourceTemplate["instances"]!.AsArray();
        JsonNode[] templates = [templateInstances[0]!.DeepClone(), templateInstances[3]!.DeepClone(), templateInstances[7]!.DeepClone()];
        stateResources.Clear();
        for (int shard = 0; shard * PlanJsonCache.ShardSize < resources; shard++)
        {
            JsonNode resource = resourceTemplate.DeepClone();
            resource["module"] = $"module.shard[{shard}]";
            JsonArray instances = resource["instances"]!.AsArray();
            instances.Clear();
            int size = Math.Min(PlanJsonCache.ShardSize, resources - (shard * PlanJsonCache.ShardSize));
            for (int i = 0; i < size; i++)
            {
                JsonNode template = i % 50 == 7 ? templates[2] : i % 10 == 3 ? templates[1] : templates[0];
                JsonNode instance = template.DeepClone();
                instance["index_key"] = i;
                JsonNode attributes = instance["attributes"]!;
                attributes["id"] = new Guid(MD5.HashData(Encoding.UTF8.GetBytes($"item-{shard}-{i}"))).ToString();
                foreach (string name in (string[])["input", "output"])
                {
                    attributes[name]!["value"]!["name"] = string.Create(CultureInfo.InvariantCulture, $"item-{shard}-{i}");
                }

                instances.Add(instance);
            }

            stateResources.Add(resource);
        }

        state["serial"] = state["serial"]!.GetValue<int>() + 1;
        await AtomicFile.WriteAllTextAsync(statePath, state.ToJsonString(), cancellationToken);
    }
}
