using Google.Protobuf.Reflection;

namespace Slipway.LocalCluster.Api.Protobuf;

/// <summary>
/// The kinds read from protobuf, by apiVersion and kind: those kubectl's generators and client-go's typed clients send
/// (<c>kubectl create namespace|configmap|secret|deployment|job|service</c>, client-go typed clients for pods, leader-election Leases, the
/// self reviews of <c>kubectl auth can-i</c>). The messages come from the upstream <c>generated.proto</c> files under <c>proto/</c>.
/// Custom resources have no protobuf form, as on a real cluster.
/// </summary>
internal static class ProtobufKinds
{
    private static readonly Dictionary<(string ApiVersion, string Kind), MessageDescriptor> s_kinds = new[]
    {
        ("v1", CoreV1.Namespace.Descriptor),
        ("v1", CoreV1.ConfigMap.Descriptor),
        ("v1", CoreV1.Secret.Descriptor),
        ("v1", CoreV1.Pod.Descriptor),
        ("v1", CoreV1.Service.Descriptor),
        ("apps/v1", AppsV1.Deployment.Descriptor),
        ("apps/v1", AppsV1.ReplicaSet.Descriptor),
        ("batch/v1", BatchV1.Job.Descriptor),
        ("coordination.k8s.io/v1", CoordinationV1.Lease.Descriptor),
        ("authorization.k8s.io/v1", AuthorizationV1.SelfSubjectAccessReview.Descriptor),
        ("authorization.k8s.io/v1", AuthorizationV1.SelfSubjectRulesReview.Descriptor),
    }.ToDictionary(entry => (entry.Item1, entry.Item2.Name), entry => entry.Item2);

    /// <summary>The message of a kind, or null when the kind is not read from protobuf.</summary>
    public static MessageDescriptor? Find(string apiVersion, string kind) => s_kinds.GetValueOrDefault((apiVersion, kind));

    /// <summary>The kinds read from protobuf, for error messages: <c>v1/ConfigMap, apps/v1/Deployment, …</c>.</summary>
    public static string Names => string.Join(", ", s_kinds.Keys.Select(key => $"{key.ApiVersion}/{key.Kind}"));
}
