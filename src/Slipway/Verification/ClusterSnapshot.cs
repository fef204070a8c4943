using System.Text.Json;
using k8s.Models;

namespace Slipway.Verification;

/// <summary>
/// What Verify read from the cluster in one pass: one list call per kind per namespace. Nodes, Deployments and Pods carry
/// only the fields the rollout rules read (<see cref="Cluster.IClusterReader.ListPodsForRolloutAsync"/>).
/// </summary>
public sealed record ClusterSnapshot(
    IReadOnlyList<V1Node> Nodes,
    IReadOnlyList<V1Deployment> Deployments,
    IReadOnlyList<V1Pod> Pods,
    IReadOnlyList<JsonElement> HelmReleases,
    IReadOnlyList<JsonElement> Applications);
