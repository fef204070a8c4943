using System.Text.Json.Nodes;
using Slipway.LocalCluster.Controllers.Runtime;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Controllers.Workloads;

/// <summary>
/// Keeps a Service's <c>v1</c> Endpoints and its <c>discovery.k8s.io/v1</c> EndpointSlice (one per Service, owned by it)
/// computed from the pods its <c>spec.selector</c> selects that have a <c>podIP</c>: Ready pods as addresses, the others as
/// <c>notReadyAddresses</c> (<c>conditions.ready: false</c> in the slice); ports from the Service's ports with
/// <c>targetPort</c> resolved (a number, or a container port name of the selected pods). A Service without a selector
/// gets none, as in a real cluster; a deleted Service's Endpoints are deleted.
/// </summary>
internal sealed class EndpointsController : ReconcilingController
{
    public const string ServiceNameLabel = "kubernetes.io/service-name";
    private const string ManagedByLabel = "endpointslice.kubernetes.io/managed-by";

    public EndpointsController(ControllerContext context)
        : base(context)
    {
    }

    protected override ResourceType PrimaryType => Kinds.Service;

    protected override IEnumerable<(ResourceType Type, Func<WatchEvent, IEnumerable<ObjectKey>> Map)> Secondaries
        => [(Kinds.Pod, ServicesOf)];

    protected override Task<TimeSpan?> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        JsonObject? service = Store.Get(Kinds.Service, key.Namespace, key.Name);
        if (service is null || service.Obj("spec", "selector") is not { Count: > 0 } selector)
        {
            DeleteIfPresent(Kinds.Endpoints, key.Namespace, key.Name);
            return Task.FromResult<TimeSpan?>(null);
        }

        List<JsonObject> pods = Store.List(Kinds.Pod, key.Namespace)
            .Where(p => p.Str("status", "podIP") is { Length: > 0 } && Selects(selector, p))
            .ToList();
        JsonArray ports = Ports(service, pods);
        Write(Kinds.Endpoints, key.Namespace, key.Name, Endpoints(service, pods, ports));
        Write(Kinds.EndpointSlice, key.Namespace, SliceName(service), Slice(service, pods, ports));
        return Task.FromResult<TimeSpan?>(null);
    }

    /// <summary>The services whose selector matches the pod as it is or as it was (a pod that stops matching leaves them).</summary>
    private IEnumerable<ObjectKey> ServicesOf(WatchEvent change)
    {
        string? ns = change.Object.Str("metadata", "namespace");
        return Store.List(Kinds.Service, ns)
            .Where(s => s.Obj("spec", "selector") is { Count: > 0 } selector && (Selects(selector, change.Object) || (change.Previous is JsonObject previous && Selects(selector, previous))))
            .Select(s => new ObjectKey(ns, s.Str("metadata", "name") ?? string.Empty));
    }

    private static bool Selects(JsonObject selector, JsonObject pod) => selector.All(l => pod.Str("metadata", "labels", l.Key) == l.Value?.ToString());

    private static string SliceName(JsonObject service)
        => $"{service.Str("metadata", "name")}-{StableHash.SafeEncode(StableHash.Fnv32(service.Str("metadata", "uid") ?? string.Empty), 5)[..5]}";

    private static JsonObject Endpoints(JsonObject service, List<JsonObject> pods, JsonArray ports)
    {
        var endpoints = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Endpoints",
            ["metadata"] = new JsonObject { ["name"] = service.Str("metadata", "name"), ["namespace"] = service.Str("metadata", "namespace") },
        };
        if (pods.Count == 0)
        {
            return endpoints;
        }

        var subset = new JsonObject();
        JsonArray ready = [.. pods.Where(PodReadiness.IsReady).Select(Address)];
        JsonArray notReady = [.. pods.Where(p => !PodReadiness.IsReady(p)).Select(Address)];
        if (ready.Count > 0)
        {
            subset["addresses"] = ready;
        }

        if (notReady.Count > 0)
        {
            subset["notReadyAddresses"] = notReady;
        }

        subset["ports"] = ports.DeepClone();
        endpoints["subsets"] = new JsonArray(subset);
        return endpoints;
    }

    private static JsonObject Slice(JsonObject service, List<JsonObject> pods, JsonArray ports)
    {
        JsonArray endpoints = [.. pods.Select(p => (JsonNode)new JsonObject
        {
            ["addresses"] = new JsonArray(p.Str("status", "podIP")),
            ["conditions"] = new JsonObject { ["ready"] = PodReadiness.IsReady(p), ["serving"] = PodReadiness.IsReady(p), ["terminating"] = false },
            ["nodeName"] = p.Str("spec", "nodeName"),
            ["targetRef"] = TargetRef(p),
        })];
        return new JsonObject
        {
            ["apiVersion"] = "discovery.k8s.io/v1",
            ["kind"] = "EndpointSlice",
            ["metadata"] = new JsonObject
            {
                ["name"] = SliceName(service),
                ["namespace"] = service.Str("metadata", "namespace"),
                ["labels"] = new JsonObject { [ServiceNameLabel] = service.Str("metadata", "name"), [ManagedByLabel] = "endpointslice-controller.k8s.io" },
                ["ownerReferences"] = Owners.ControllerReference(service),
            },
            ["addressType"] = "IPv4",
            ["endpoints"] = endpoints,
            ["ports"] = ports.DeepClone(),
        };
    }

    private static JsonNode Address(JsonObject pod) => new JsonObject
    {
        ["ip"] = pod.Str("status", "podIP"),
        ["nodeName"] = pod.Str("spec", "nodeName"),
        ["targetRef"] = TargetRef(pod),
    };

    private static JsonObject TargetRef(JsonObject pod) => new()
    {
        ["kind"] = "Pod",
        ["namespace"] = pod.Str("metadata", "namespace"),
        ["name"] = pod.Str("metadata", "name"),
        ["uid"] = pod.Str("metadata", "uid"),
    };

    /// <summary>The Service's ports with <c>targetPort</c> resolved; a named one no selected pod declares is left out.</summary>
    private static JsonArray Ports(JsonObject service, List<JsonObject> pods)
    {
        var ports = new JsonArray();
        foreach (JsonObject port in (service.Arr("spec", "ports") ?? []).OfType<JsonObject>())
        {
            long? number = port["targetPort"] is JsonValue target && target.TryGetValue(out string? named)
                ? pods.SelectMany(p => p.Arr("spec", "containers") ?? []).SelectMany(c => c.Arr("ports") ?? []).FirstOrDefault(p => p.Str("name") == named).Long("containerPort")
                : port.Long("targetPort") ?? port.Long("port");
            if (number is null)
            {
                continue;
            }

            var resolved = new JsonObject();
            if (port.Str("name") is string name)
            {
                resolved["name"] = name;
            }

            resolved["port"] = number;
            resolved["protocol"] = port.Str("protocol") ?? "TCP";
            ports.Add(resolved);
        }

        return ports;
    }

    private void Write(ResourceType type, string? ns, string name, JsonObject desired)
    {
        try
        {
            if (Store.Get(type, ns, name) is not JsonObject live)
            {
                Store.Create(type, ns, desired);
                return;
            }

            JsonObject updated = live.DeepClone().AsObject();
            foreach ((string field, JsonNode? value) in desired)
            {
                if (field != "metadata")
                {
                    updated[field] = value?.DeepClone();
                }
            }

            if (desired["subsets"] is null)
            {
                updated.Remove("subsets");
            }

            if (!JsonNode.DeepEquals(updated, live))
            {
                Store.Update(type, ns, updated, statusOnly: false);
            }
        }
        catch (StoreException gone) when (gone.Code == 404)
        {
            // The namespace went away meanwhile: nothing to keep.
        }
    }

    private void DeleteIfPresent(ResourceType type, string? ns, string name)
    {
        try
        {
            Store.Delete(type, ns, name);
        }
        catch (StoreException gone) when (gone.Code == 404)
        {
        }
    }
}
