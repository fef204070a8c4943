using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Slipway.LocalCluster.Api.Protobuf;
using Slipway.Tests.Support;
using CoreV1 = Slipway.LocalCluster.Api.Protobuf.CoreV1;
using MetaV1 = Slipway.LocalCluster.Api.Protobuf.MetaV1;

namespace Slipway.Tests.LocalCluster.Api.Protobuf;

/// <summary>Protobuf over HTTP: bodies are read, answers are JSON, a client that accepts only protobuf gets 406.</summary>
public sealed class ProtobufHttpTests(SharedCluster shared) : IClassFixture<SharedCluster>
{
    private const string Protobuf = "application/vnd.kubernetes.protobuf";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_protobuf_create_is_answered_in_json_when_json_is_accepted()
    {
        using var http = new HttpClient { BaseAddress = shared.Cluster.BaseAddress };
        var configMap = new CoreV1.ConfigMap { Metadata = new MetaV1.ObjectMeta { Name = "from-protobuf" } };
        configMap.Data.Add("a", "b");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/namespaces/default/configmaps?fieldValidation=Strict")
        {
            Content = new ByteArrayContent(ProtobufEnvelope.Write("v1", "ConfigMap", configMap)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(Protobuf);
        request.Headers.TryAddWithoutValidation("Accept", $"{Protobuf},application/json").ShouldBeTrue();

        using HttpResponseMessage response = await http.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        using JsonDocument created = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        created.RootElement.GetProperty("kind").GetString().ShouldBe("ConfigMap");
        created.RootElement.GetProperty("data").GetProperty("a").GetString().ShouldBe("b");
    }

    [Theory]
    [InlineData("/api/v1/namespaces")]
    [InlineData("/apis/apps/v1/namespaces/default/deployments")]
    public async Task A_client_accepting_only_protobuf_gets_406(string path)
    {
        using var http = new HttpClient { BaseAddress = shared.Cluster.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", Protobuf).ShouldBeTrue();

        using HttpResponseMessage response = await http.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotAcceptable);
        using JsonDocument status = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        status.RootElement.GetProperty("kind").GetString().ShouldBe("Status");
        status.RootElement.GetProperty("reason").GetString().ShouldBe("NotAcceptable");
        status.RootElement.GetProperty("message").GetString().ShouldBe($"only the following media types are accepted: application/json (not {Protobuf})");
    }
}
