using System.Text.Json;

namespace Slipway.Cluster;

/// <summary>
/// An object that a <see cref="CustomObjectWait"/> reads beside the one it waits on, each poll, because it can make the
/// wait hopeless (the GitRepository a Kustomization reads): <see cref="Failure"/> returns the error to fail with at once,
/// or null while the object is fine. A missing object is not judged.
/// </summary>
internal sealed record CustomObjectWatch(CustomResource Resource, string Namespace, string Name, Func<JsonElement, SlipwayException?> Failure);
