using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.Cluster;

namespace Slipway.Delivery;

/// <summary>
/// A rollback must hold: Flux image automation (ImageUpdateAutomation) would write a newer tag back within minutes. A
/// rollback suspends the automation objects it finds for the environment, marked so Resume undoes exactly those.
/// </summary>
public sealed partial class EnvironmentDelivery
{
    private const string SuspendedBy = "slipway.io/suspended-by";

    private static readonly CustomResource s_imageUpdateAutomation = new("image.toolkit.fluxcd.io", "v1beta2", "imageupdateautomations", "ImageUpdateAutomation");

    private IEnumerable<string> AutomationNamespaces => Namespaces.Prepend("flux-system").Distinct(StringComparer.Ordinal);

    private async Task SuspendImageAutomationAsync(CancellationToken cancellationToken)
        => await PatchImageAutomationAsync(suspend: true, cancellationToken).ConfigureAwait(false);

    private async Task ResumeImageAutomationAsync(CancellationToken cancellationToken)
        => await PatchImageAutomationAsync(suspend: false, cancellationToken).ConfigureAwait(false);

    private async Task PatchImageAutomationAsync(bool suspend, CancellationToken cancellationToken)
    {
        KubernetesCluster cluster = await ClusterAsync(cancellationToken).ConfigureAwait(false);
        var patched = new List<string>();
        foreach (string ns in AutomationNamespaces)
        {
            foreach (JsonElement item in await cluster.ListCustomObjectsAsync(s_imageUpdateAutomation, ns, cancellationToken).ConfigureAwait(false))
            {
                string name = item.GetProperty("metadata").GetProperty("name").GetString() ?? string.Empty;
                bool ours = item.GetProperty("metadata").TryGetProperty("annotations", out JsonElement annotations)
                    && annotations.TryGetProperty(SuspendedBy, out _);
                bool suspended = item.TryGetProperty("spec", out JsonElement spec) && spec.TryGetProperty("suspend", out JsonElement flag) && flag.ValueKind == JsonValueKind.True;
                if (suspend ? suspended : !ours)
                {
                    continue; // suspended by someone else stays theirs; Resume only undoes what a rollback did
                }

                var patch = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [SuspendedBy] = suspend ? $"rollback of {Name}" : null } },
                    ["spec"] = new JsonObject { ["suspend"] = suspend },
                };
                await cluster.MergePatchCustomObjectAsync(s_imageUpdateAutomation, ns, name, patch, cancellationToken).ConfigureAwait(false);
                patched.Add($"{ns}/{name}");
            }
        }

        _context.Log.Info(patched.Count > 0
            ? $"{(suspend ? "Suspended" : "Resumed")} Flux image automation: ImageUpdateAutomation {string.Join(", ", patched)}."
            : suspend
                ? $"No Flux ImageUpdateAutomation for {Name} on the cluster (the kind is not served there, or none exists in {string.Join(", ", AutomationNamespaces)}): nothing to suspend; the hold in Git still stops Slipway's deploys."
                : $"No Flux image automation suspended by a rollback of {Name}: nothing to resume on the cluster.");
    }
}
