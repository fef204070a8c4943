using System.Text.Json;
using Slipway.Environments.Schema;
using Slipway.Tests.Support;

namespace Slipway.Tests.Environments.Schema;

public sealed class JsonSchemaWriterTests
{
    [Fact]
    public async Task Committed_schema_json_matches_the_schema_the_validator_uses()
    {
        string path = Path.Combine(RepositoryPaths.Root, "environments", JsonSchemaWriter.FileName);
        if (Environment.GetEnvironmentVariable("SLIPWAY_UPDATE_SCHEMA") == "1")
        {
            await JsonSchemaWriter.WriteAsync(RepositoryPaths.Root, TestContext.Current.CancellationToken);
        }

        string committed = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);

        committed.ShouldBe(JsonSchemaWriter.Render(), "environments/schema.json is stale: run the tests with SLIPWAY_UPDATE_SCHEMA=1");
    }

    [Fact]
    public void Schema_is_json_that_closes_objects_and_allows_null()
    {
        using JsonDocument document = JsonDocument.Parse(JsonSchemaWriter.Render());
        JsonElement apps = document.RootElement.GetProperty("properties").GetProperty("apps");

        JsonElement app = apps.GetProperty("additionalProperties");
        app.GetProperty("additionalProperties").GetBoolean().ShouldBeFalse();
        app.GetProperty("properties").GetProperty("replicas").GetProperty("type").EnumerateArray().Select(t => t.GetString()).ShouldBe(["integer", "null"]);
        document.RootElement.GetProperty("properties").GetProperty("gitops").GetProperty("properties").GetProperty("engine")
            .GetProperty("enum").EnumerateArray().Select(t => t.ValueKind == JsonValueKind.Null ? null : t.GetString()).ShouldBe(["flux", "argocd", null]);
    }

    [Fact]
    public void Every_sample_environment_references_the_schema()
    {
        foreach (string file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "environments"), "env.yaml", SearchOption.AllDirectories))
        {
            File.ReadLines(file).First().ShouldBe("# yaml-language-server: $schema=../schema.json", file);
        }
    }
}
