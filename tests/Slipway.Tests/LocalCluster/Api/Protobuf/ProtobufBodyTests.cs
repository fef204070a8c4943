using System.Text.Json.Nodes;
using Google.Protobuf;
using Slipway.LocalCluster.Api.Protobuf;
using Slipway.LocalCluster.Store;
using AppsV1 = Slipway.LocalCluster.Api.Protobuf.AppsV1;
using CoreV1 = Slipway.LocalCluster.Api.Protobuf.CoreV1;
using Intstr = Slipway.LocalCluster.Api.Protobuf.Intstr;
using MetaV1 = Slipway.LocalCluster.Api.Protobuf.MetaV1;
using Resource = Slipway.LocalCluster.Api.Protobuf.Resource;
using SlipwayRuntime = Slipway.LocalCluster.Api.Protobuf.Runtime;

namespace Slipway.Tests.LocalCluster.Api.Protobuf;

/// <summary>The protobuf envelope and the conversion of upstream messages to the JSON the store keeps.</summary>
public sealed class ProtobufBodyTests
{
    [Fact]
    public void A_deployment_in_the_envelope_reads_as_kubernetes_json()
    {
        byte[] body = ProtobufEnvelope.Write("apps/v1", "Deployment", Deployment());

        JsonObject json = ProtobufBody.Read(body, "apps/v1", "Deployment");

        json["apiVersion"]!.GetValue<string>().ShouldBe("apps/v1");
        json["kind"]!.GetValue<string>().ShouldBe("Deployment");
        JsonNode metadata = json["metadata"]!;
        metadata["name"]!.GetValue<string>().ShouldBe("web");
        metadata["creationTimestamp"]!.GetValue<string>().ShouldBe("2026-12-01T10:20:30Z");
        metadata.AsObject().ContainsKey("namespace").ShouldBeFalse();
        metadata.AsObject().ContainsKey("generation").ShouldBeFalse();
        metadata["labels"]!["app"]!.GetValue<string>().ShouldBe("web");
        metadata["managedFields"]![0]!["time"]!.GetValue<string>().ShouldBe("2026-12-01T10:20:30Z");
        metadata["managedFields"]![0]!["fieldsV1"]!["f:spec"]!["f:replicas"].ShouldNotBeNull();
        JsonNode spec = json["spec"]!;
        spec["replicas"]!.GetValue<int>().ShouldBe(0);
        spec["paused"]!.GetValue<bool>().ShouldBeFalse();
        spec.AsObject().ContainsKey("revisionHistoryLimit").ShouldBeFalse();
        spec["strategy"]!["rollingUpdate"]!["maxSurge"]!.GetValue<string>().ShouldBe("25%");
        spec["strategy"]!["rollingUpdate"]!["maxUnavailable"]!.GetValue<int>().ShouldBe(1);
        JsonNode container = spec["template"]!["spec"]!["containers"]![0]!;
        container["image"]!.GetValue<string>().ShouldBe("nginx:1.27");
        container["resources"]!["limits"]!["cpu"]!.GetValue<string>().ShouldBe("500m");
        container["resources"]!["requests"]!["memory"]!.GetValue<string>().ShouldBe("64Mi");
        container["ports"]![0]!["containerPort"]!.GetValue<int>().ShouldBe(8080);
        container["livenessProbe"]!["httpGet"]!["port"]!.GetValue<string>().ShouldBe("http");
        container["env"]!.AsArray().Select(e => e!["value"]?.GetValue<string>()).ShouldBe(["1", null]);
        container["env"]![1]!["valueFrom"]!["configMapKeyRef"]!.ToJsonString().ShouldBe("""{"name":"settings","key":"b"}""");
        spec["template"]!["metadata"]!.AsObject().ContainsKey("creationTimestamp").ShouldBeFalse();
    }

    [Fact]
    public void Secret_bytes_become_base64_and_empty_map_values_are_kept()
    {
        var secret = new CoreV1.Secret { Metadata = new MetaV1.ObjectMeta { Name = "s" }, Type = "Opaque" };
        secret.Data.Add("password", ByteString.CopyFromUtf8("hunter2"));
        secret.Data.Add("empty", ByteString.Empty);
        secret.StringData.Add("note", "");

        JsonObject json = ProtobufBody.Read(ProtobufEnvelope.Write("v1", "Secret", secret), "v1", "Secret");

        json["data"]!["password"]!.GetValue<string>().ShouldBe(Convert.ToBase64String("hunter2"u8.ToArray()));
        json["data"]!["empty"]!.GetValue<string>().ShouldBe("");
        json["stringData"]!["note"]!.GetValue<string>().ShouldBe("");
        json["type"]!.GetValue<string>().ShouldBe("Opaque");
        json.ContainsKey("immutable").ShouldBeFalse();
    }

    [Fact]
    public void An_envelope_without_type_meta_is_read_as_the_kind_of_the_url()
    {
        var unknown = new SlipwayRuntime.Unknown { Raw = new CoreV1.ConfigMap { Metadata = new MetaV1.ObjectMeta { Name = "c" } }.ToByteString() };
        byte[] body = [.. "k8s\0"u8, .. unknown.ToByteArray()];

        JsonObject json = ProtobufBody.Read(body, "v1", "ConfigMap");

        json["kind"]!.GetValue<string>().ShouldBe("ConfigMap");
        json["metadata"]!["name"]!.GetValue<string>().ShouldBe("c");
    }

    [Theory]
    [InlineData("not an envelope", "v1", "ConfigMap", 400)]
    [InlineData("k8s\0\u0012\u0005", "v1", "ConfigMap", 400)]
    [InlineData(null, "example.com/v1", "Widget", 415)]
    [InlineData(null, "v1", "Secret", 400)]
    public void Bodies_that_cannot_be_read_get_a_status_code(string? body, string apiVersion, string kind, int code)
    {
        byte[] bytes = body is null
            ? ProtobufEnvelope.Write(apiVersion, kind == "Secret" ? "ConfigMap" : kind, new CoreV1.ConfigMap())
            : System.Text.Encoding.Latin1.GetBytes(body);

        StoreException error = Should.Throw<StoreException>(() => ProtobufBody.Read(bytes, apiVersion, kind));

        error.Code.ShouldBe(code);
    }

    private static AppsV1.Deployment Deployment()
    {
        var created = new MetaV1.Time { Seconds = new DateTimeOffset(2026, 12, 1, 10, 20, 30, TimeSpan.Zero).ToUnixTimeSeconds() };
        var metadata = new MetaV1.ObjectMeta { Name = "web", Namespace = "", Generation = 0, CreationTimestamp = created };
        metadata.Labels.Add("app", "web");
        metadata.ManagedFields.Add(new MetaV1.ManagedFieldsEntry
        {
            Manager = "kubectl-create",
            Operation = "Update",
            Time = created,
            FieldsType = "FieldsV1",
            FieldsV1 = new MetaV1.FieldsV1 { Raw = ByteString.CopyFromUtf8("""{"f:spec":{"f:replicas":{}}}""") },
        });
        var container = new CoreV1.Container
        {
            Name = "web",
            Image = "nginx:1.27",
            Resources = new CoreV1.ResourceRequirements(),
            LivenessProbe = new CoreV1.Probe
            {
                Handler = new CoreV1.ProbeHandler { HttpGet = new CoreV1.HTTPGetAction { Path = "/", Port = new Intstr.IntOrString { Type = 1, StrVal = "http" } } },
            },
        };
        container.Resources.Limits.Add("cpu", new Resource.Quantity { String = "500m" });
        container.Resources.Requests.Add("memory", new Resource.Quantity { String = "64Mi" });
        container.Ports.Add(new CoreV1.ContainerPort { Name = "http", ContainerPort_ = 8080 });
        container.Env.Add(new CoreV1.EnvVar { Name = "A", Value = "1" });
        container.Env.Add(new CoreV1.EnvVar
        {
            Name = "B",
            Value = "",
            ValueFrom = new CoreV1.EnvVarSource { ConfigMapKeyRef = new CoreV1.ConfigMapKeySelector { LocalObjectReference = new CoreV1.LocalObjectReference { Name = "settings" }, Key = "b" } },
        });
        var template = new CoreV1.PodTemplateSpec { Metadata = new MetaV1.ObjectMeta { CreationTimestamp = new MetaV1.Time() }, Spec = new CoreV1.PodSpec() };
        template.Metadata.Labels.Add("app", "web");
        template.Spec.Containers.Add(container);
        var selector = new MetaV1.LabelSelector();
        selector.MatchLabels.Add("app", "web");
        return new AppsV1.Deployment
        {
            Metadata = metadata,
            Spec = new AppsV1.DeploymentSpec
            {
                Replicas = 0,
                Paused = false,
                Selector = selector,
                Template = template,
                Strategy = new AppsV1.DeploymentStrategy
                {
                    Type = "RollingUpdate",
                    RollingUpdate = new AppsV1.RollingUpdateDeployment
                    {
                        MaxSurge = new Intstr.IntOrString { Type = 1, StrVal = "25%" },
                        MaxUnavailable = new Intstr.IntOrString { Type = 0, IntVal = 1 },
                    },
                },
            },
        };
    }
}
