using k8s;
using k8s.Autorest;
using k8s.Models;
using Slipway.Verification;

namespace Slipway.Cluster;

// The Events Verify quotes: the newest Warning about each failing pod.
public sealed partial class KubernetesCluster
{
    /// <summary>
    /// <paramref name="pods"/> with <see cref="PodStatus.LastWarning"/> set from the namespace's Warning Events (newest
    /// <c>lastTimestamp</c> first). Events are an explanation, not a verdict: when they cannot be read the pods are returned as they are.
    /// </summary>
    private async Task<IReadOnlyList<PodStatus>> WithLastWarningsAsync(string @namespace, IReadOnlyList<PodStatus> pods, CancellationToken cancellationToken)
    {
        Corev1EventList events;
        try
        {
            events = await _client.CoreV1.ListNamespacedEventAsync(@namespace, fieldSelector: "type=Warning,involvedObject.kind=Pod", cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception unreadable) when (unreadable is HttpOperationException or HttpRequestException)
        {
            return pods;
        }

        Dictionary<string, string> newest = events.Items
            .Where(e => e.InvolvedObject?.Name is not null)
            .GroupBy(e => e.InvolvedObject.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.LastTimestamp ?? e.EventTime ?? e.Metadata?.CreationTimestamp).First() is var last ? $"{last.Reason}: {last.Message}" : string.Empty, StringComparer.Ordinal);
        return [.. pods.Select(p => newest.TryGetValue(p.Name, out string? warning) ? p with { LastWarning = warning } : p)];
    }
}
