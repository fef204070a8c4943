using System.Text;
using System.Text.Json;
using k8s;
using k8s.Models;
using Slipway.Cluster;
using Slipway.Verification;

namespace Slipway.Tests.Verification;

/// <summary>The rollout-fields read path reads what KubernetesClient reads of whole objects, whatever else the objects hold.</summary>
public sealed class RolloutFieldsTests
{
    [Fact]
    public void Nodes_read_as_the_whole_objects_do()
    {
        const string body = """
            {"kind":"NodeList","apiVersion":"v1","metadata":{"resourceVersion":"7"},"items":[
             {"metadata":{"name":"n1","labels":{"name":"x"},"generation":3},"spec":{"taints":[{"key":"status","effect":"NoSchedule"}]},
              "status":{"capacity":{"cpu":"2"},"conditions":[{"type":"MemoryPressure","status":"False"},{"type":"Ready","status":"True","reason":"KubeletReady","message":"ok","lastHeartbeatTime":"2026-01-01T00:00:00Z"}],
               "addresses":[{"type":"InternalIP","address":"10.0.0.1"}]}},
             {"metadata":{"name":"n2"},"status":{"conditions":null}},
             {"metadata":{"name":"n3"},"status":null},
             {"metadata":{"name":"n4"}},
             {"metadata":{"name":"n5"},"status":{"conditions":[{"type":"Ready","status":"False","reason":null,"message":"not yet"}]}}]}
            """;

        string fast = Fast(body, NodeStatusReader.Read);

        fast.ShouldBe(Whole<V1NodeList, V1Node, NodeStatus>(body, static l => l.Items, WholeObjects.Node));
        fast.ShouldContain("""{"Type":"Ready","Status":"True","Reason":"KubeletReady","Message":"ok"}""");
    }

    [Fact]
    public void Deployments_read_as_the_whole_objects_do()
    {
        const string body = """
            {"kind":"DeploymentList","items":[
             {"metadata":{"name":"web","namespace":"apps","generation":4,"annotations":{"replicas":"9"}},
              "spec":{"selector":{"matchLabels":{"app":"web"}},"replicas":3,"template":{"spec":{"containers":[{"name":"web","args":["--replicas","8"]}]}},"extra":{"nested":[1,2,{"replicas":8,"status":{}}]}},
              "status":{"observedGeneration":3,"replicas":4,"updatedReplicas":2,"readyReplicas":3,"availableReplicas":3,"unavailableReplicas":1,
               "conditions":[{"type":"Available","status":"True"},{"type":"Progressing","status":"False","reason":"ProgressDeadlineExceeded","message":"too slow"}]}},
             {"metadata":{"name":"no-replicas","namespace":"apps"},"spec":{"paused":true},"status":{}},
             {"metadata":{"name":"no-status","namespace":"apps","generation":1},"spec":{"replicas":0}},
             {"metadata":{"name":"null-status","namespace":"apps"},"spec":null,"status":null}]}
            """;

        string fast = Fast(body, DeploymentStatusReader.Read);

        fast.ShouldBe(Whole<V1DeploymentList, V1Deployment, DeploymentStatus>(body, static l => l.Items, WholeObjects.Deployment));
        fast.ShouldStartWith("""[{"Namespace":"apps","Name":"web","Generation":4,"DesiredReplicas":3,"ObservedGeneration":3,"Replicas":4,"UpdatedReplicas":2,"AvailableReplicas":3,""");
    }

    [Fact]
    public void Pods_read_as_the_whole_objects_do()
    {
        const string body = """
            {"kind":"PodList","items":[
             {"metadata":{"name":"api-1","namespace":"apps","ownerReferences":[{"kind":"ReplicaSet","name":"api"}]},
              "spec":{"containers":[{"name":"api","image":"api:2","env":[{"name":"state","value":"waiting"}]}]},
              "status":{"phase":"Pending","conditions":[{"type":"Ready","status":"False"}],
               "initContainerStatuses":[{"name":"migrate","restartCount":4,"ready":false,"image":"m","imageID":"","state":{"waiting":{"reason":"CrashLoopBackOff","message":"back-off 40s"}},"lastState":{"terminated":{"exitCode":1,"reason":"Error"}}}],
               "containerStatuses":[{"name":"api","restartCount":0,"ready":false,"image":"api:2","imageID":"","state":{"waiting":{"reason":"PodInitializing"}}},
                {"name":"sidecar","restartCount":1,"ready":true,"image":"s","imageID":"","state":{"running":{"startedAt":"2026-01-01T00:00:00Z"}}}]}},
             {"metadata":{"name":"web-1","namespace":"apps"},"status":{"phase":"Running","initContainerStatuses":null,"containerStatuses":[{"name":"web","restartCount":0,"ready":true,"image":"w","imageID":"","state":{"waiting":null}}]}},
             {"metadata":{"name":"new","namespace":"apps"},"status":{"phase":"Pending"}},
             {"metadata":{"name":"bare","namespace":"apps"}}]}
            """;

        string fast = Fast(body, PodStatusReader.Read);

        fast.ShouldBe(Whole<V1PodList, V1Pod, PodStatus>(body, static l => l.Items, WholeObjects.Pod));
        fast.ShouldContain("""{"Name":"migrate","RestartCount":4,"WaitingReason":"CrashLoopBackOff","WaitingMessage":"back-off 40s"}""");
    }

    [Fact]
    public void A_large_list_reads_every_item_and_skips_everything_else()
    {
        const string pod = """
            {"metadata":{"name":"web-NUMBER","namespace":"apps","labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"web:1","env":[{"name":"A","value":"PADDING"}]}]},
             "status":{"phase":"Running","conditions":[{"type":"Ready","status":"True"}],"containerStatuses":[{"name":"web","restartCount":NUMBER,"state":{"running":{"startedAt":"2026-01-01T00:00:00Z"}},"lastState":{}}]}}
            """;
        string padding = new('x', 2000);
        byte[] body = Encoding.UTF8.GetBytes($$$"""{"kind":"PodList","items":[{{{string.Join(",", Enumerable.Range(0, 500).Select(i => pod.Replace("NUMBER", $"{i}", StringComparison.Ordinal).Replace("PADDING", padding, StringComparison.Ordinal)))}}}],"metadata":{"resourceVersion":"9"}}""");

        IReadOnlyList<PodStatus> pods = RolloutFields.ReadList(body, PodStatusReader.Read);

        body.Length.ShouldBeGreaterThan(1024 * 1024);
        pods.Count.ShouldBe(500);
        pods[499].ShouldBe(pods[499] with { Namespace = "apps", Name = "web-499" });
        pods[499].InitContainers.ShouldBeEmpty();
        pods[499].Containers.Single().ShouldBe(new ContainerStatus("web", 499, null, null));
    }

    [Theory]
    [InlineData("""{"items":[["not","a","pod"]]}""")]
    [InlineData("""{"items":[{"metadata":{"name":7}}]}""")]
    [InlineData("""{"items":[{"status":{"containerStatuses":{"name":"web"}}}]}""")]
    [InlineData("""{"items":[{"metadata":{"name":"web"}}""")]
    public void A_body_that_is_not_a_list_of_pods_is_a_json_error(string body)
        => Should.Throw<JsonException>(() => RolloutFields.ReadList(Encoding.UTF8.GetBytes(body), PodStatusReader.Read));

    /// <summary>The records read by the rollout-fields readers, as JSON (records compare their lists by reference).</summary>
    private static string Fast<T>(string body, RolloutFields.ItemReader<T> read)
        => JsonSerializer.Serialize(RolloutFields.ReadList(Encoding.UTF8.GetBytes(body), read));

    private static string Whole<TList, TItem, T>(string body, Func<TList, IList<TItem>> items, Func<TItem, T> record)
        => JsonSerializer.Serialize<IReadOnlyList<T>>([.. items(KubernetesJson.Deserialize<TList>(body)).Select(record)]);
}
