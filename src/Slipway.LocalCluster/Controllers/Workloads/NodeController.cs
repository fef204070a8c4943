using System.Text.Json.Nodes;
using Slipway.LocalCluster.Controllers.Runtime;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Controllers.Workloads;

/// <summary>
/// Keeps the configured nodes (<c>local-node-1</c>…<c>local-node-N</c>) present with condition Ready=True, as their
/// kubelets would; a node deleted by hand comes back. Nodes beyond N are left alone.
/// </summary>
internal sealed class NodeController : ReconcilingController
{
    public NodeController(ControllerContext context)
        : base(context)
    {
    }

    public static string NodeName(int index) => $"local-node-{index}";

    protected override ResourceType PrimaryType => Kinds.Node;

    protected override IEnumerable<ObjectKey> InitialKeys => [new ObjectKey(null, NodeName(1))];

    protected override Task<TimeSpan?> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        EnsureNodes();
        return Task.FromResult<TimeSpan?>(null);
    }

    /// <summary>Creates missing nodes and marks every configured node Ready.</summary>
    public void EnsureNodes()
    {
        for (int i = 1; i <= Math.Max(1, Context.Options.NodeCount); i++)
        {
            string name = NodeName(i);
            JsonObject node = Store.Get(Kinds.Node, null, name) ?? Create(name);
            JsonObject status = node.Obj("status")?.DeepClone().AsObject() ?? [];
            JsonObject before = status.DeepClone().AsObject();
            FillStatus(status);
            UpdateStatusIfChanged(Kinds.Node, null, node, before, status);
        }
    }

    private JsonObject Create(string name)
    {
        var node = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Node",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["labels"] = new JsonObject
                {
                    ["kubernetes.io/hostname"] = name,
                    ["kubernetes.io/os"] = "linux",
                    ["kubernetes.io/arch"] = "amd64",
                    ["node.kubernetes.io/instance-type"] = "slipway-local",
                },
            },
            ["spec"] = new JsonObject(),
        };
        try
        {
            return Store.Create(Kinds.Node, null, node);
        }
        catch (StoreException exists) when (exists.Code == 409)
        {
            return Store.Get(Kinds.Node, null, name) ?? throw new InvalidOperationException($"node {name} exists and does not", exists);
        }
    }

    private void FillStatus(JsonObject status)
    {
        DateTimeOffset now = Context.Now;
        Conditions.Set(status, new Condition("Ready", "True", "KubeletReady", "kubelet is posting ready status") { Extra = new JsonObject { ["lastHeartbeatTime"] = Conditions.Find(status, "Ready")?.Str("lastHeartbeatTime") ?? Time.Format(now) } }, now);
        status["capacity"] ??= new JsonObject { ["cpu"] = "4", ["memory"] = "8Gi", ["pods"] = "110" };
        status["allocatable"] ??= new JsonObject { ["cpu"] = "4", ["memory"] = "8Gi", ["pods"] = "110" };
        status["addresses"] ??= new JsonArray(new JsonObject { ["type"] = "InternalIP", ["address"] = "127.0.0.1" });
        status["nodeInfo"] ??= new JsonObject
        {
            ["kubeletVersion"] = "v1.32.0-slipway",
            ["containerRuntimeVersion"] = "slipway-simulated://1",
            ["operatingSystem"] = "linux",
            ["architecture"] = "amd64",
            ["osImage"] = "Slipway local cluster",
        };
    }
}
