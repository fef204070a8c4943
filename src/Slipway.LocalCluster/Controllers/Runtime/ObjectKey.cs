using System.Text.Json.Nodes;

namespace Slipway.LocalCluster.Controllers.Runtime;

/// <summary>Names one object of a controller's primary kind: namespace (null for cluster-scoped kinds) and name.</summary>
internal readonly record struct ObjectKey(string? Namespace, string Name)
{
    public static ObjectKey Of(JsonObject obj) => new(obj.Str("metadata", "namespace"), obj.Str("metadata", "name") ?? string.Empty);

    public override string ToString() => Namespace is null ? Name : $"{Namespace}/{Name}";
}
