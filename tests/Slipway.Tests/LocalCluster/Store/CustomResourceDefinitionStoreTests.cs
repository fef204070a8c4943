using System.Text.Json.Nodes;
using Slipway.LocalCluster.Store;

namespace Slipway.Tests.LocalCluster.Store;

/// <summary>The store serving the kinds CustomResourceDefinitions define, and keeping them across a saved state.</summary>
public sealed class CustomResourceDefinitionStoreTests
{
    private static readonly ResourceType s_definition = KnownResourceTypes.CustomResourceDefinition;

    [Fact]
    public void A_fresh_store_defines_every_built_in_custom_kind_and_no_kubernetes_kind()
    {
        var store = new InMemoryResourceStore();

        store.List(s_definition, null).Select(d => d["metadata"]!["name"]!.GetValue<string>()).ShouldBe(
            KnownResourceTypes.All.Where(CustomResourceDefinitions.IsCustom).Select(CustomResourceDefinitions.NameOf).Order(StringComparer.Ordinal));
        CustomResourceDefinitions.IsCustom(KnownResourceTypes.Lease).ShouldBeFalse();
        CustomResourceDefinitions.IsCustom(KnownResourceTypes.Deployment).ShouldBeFalse();
    }

    [Fact]
    public void A_created_definition_serves_its_kind_with_its_scope_and_without_status_unless_declared()
    {
        var store = new InMemoryResourceStore();

        store.Create(s_definition, null, Definition("gadgets", "Gadget", "Namespaced", status: false));
        ResourceType gadget = store.FindType("example.com", "v1", "gadgets")!;
        store.Create(gadget, "default", new JsonObject { ["metadata"] = new JsonObject { ["name"] = "g" }, ["spec"] = new JsonObject { ["a"] = 1 } });
        JsonObject updated = store.Update(gadget, "default", new JsonObject { ["metadata"] = new JsonObject { ["name"] = "g" }, ["status"] = new JsonObject { ["ok"] = true } }, statusOnly: false);

        gadget.Namespaced.ShouldBeTrue();
        gadget.StatusSubresource.ShouldBeFalse();
        store.Types.ShouldContain(gadget);
        updated["status"]!["ok"]!.GetValue<bool>().ShouldBeTrue();
        store.Get(s_definition, null, "gadgets.example.com")!["status"]!["conditions"]!.AsArray().Select(c => c!["type"]!.GetValue<string>()).ShouldBe(["NamesAccepted", "Established"]);
    }

    [Fact]
    public void Deleting_a_definition_deletes_its_objects_and_stops_serving_the_kind()
    {
        var store = new InMemoryResourceStore();
        store.Create(s_definition, null, Definition("gadgets", "Gadget", "Cluster", status: true));
        ResourceType gadget = store.FindType("example.com", "v1", "gadgets")!;
        store.Create(gadget, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = "g" } });

        store.Delete(s_definition, null, "gadgets.example.com");

        store.FindType("example.com", "v1", "gadgets").ShouldBeNull();
        store.Types.ShouldNotContain(gadget);
        Should.Throw<StoreException>(() => store.List(gadget, null)).Code.ShouldBe(404);
    }

    [Fact]
    public void A_saved_state_serves_its_definitions_kinds_and_objects_again()
    {
        var store = new InMemoryResourceStore();
        store.Create(s_definition, null, Definition("gadgets", "Gadget", "Namespaced", status: true));
        store.Create(store.FindType("example.com", "v1", "gadgets")!, "default", new JsonObject { ["metadata"] = new JsonObject { ["name"] = "g" } });

        InMemoryResourceStore loaded = InMemoryResourceStore.ImportState(store.ExportState(), KnownResourceTypes.All, TimeProvider.System, 100);

        ResourceType gadget = loaded.FindType("example.com", "v1", "gadgets")!;
        loaded.Get(gadget, "default", "g").ShouldNotBeNull();
    }

    [Theory]
    [InlineData("""{"metadata":{"name":"gadgets.example.com"},"spec":{"group":"example.com","scope":"Namespaced","names":{"plural":"gadgets"},"versions":[{"name":"v1","storage":true}]}}""", "spec.names.kind")]
    [InlineData("""{"metadata":{"name":"wrong.example.com"},"spec":{"group":"example.com","scope":"Namespaced","names":{"plural":"gadgets","kind":"Gadget"},"versions":[{"name":"v1","storage":true}]}}""", "metadata.name")]
    [InlineData("""{"metadata":{"name":"gadgets.example.com"},"spec":{"group":"example.com","scope":"Everywhere","names":{"plural":"gadgets","kind":"Gadget"},"versions":[{"name":"v1","storage":true}]}}""", "spec.scope")]
    [InlineData("""{"metadata":{"name":"gadgets.example.com"},"spec":{"group":"example.com","scope":"Cluster","names":{"plural":"gadgets","kind":"Gadget"},"versions":[{"name":"v1","storage":false}]}}""", "spec.versions")]
    public void A_malformed_definition_is_invalid_and_names_the_field(string definition, string field)
    {
        var store = new InMemoryResourceStore();

        StoreException error = Should.Throw<StoreException>(() => store.Create(s_definition, null, JsonNode.Parse(definition)!.AsObject()));

        error.Code.ShouldBe(422);
        error.Message.ShouldContain($": {field}: ");
        store.FindType("example.com", "v1", "gadgets").ShouldBeNull();
    }

    [Fact]
    public void The_definition_of_a_built_in_kind_cannot_be_deleted()
    {
        var store = new InMemoryResourceStore();

        Should.Throw<StoreException>(() => store.Delete(s_definition, null, "helmreleases.helm.toolkit.fluxcd.io")).Code.ShouldBe(405);
        store.FindType("helm.toolkit.fluxcd.io", "v2", "helmreleases").ShouldNotBeNull();
    }

    internal static JsonObject Definition(string plural, string kind, string scope, bool status)
    {
        var version = new JsonObject { ["name"] = "v1", ["served"] = true, ["storage"] = true };
        if (status)
        {
            version["subresources"] = new JsonObject { ["status"] = new JsonObject() };
        }

        return new JsonObject
        {
            ["apiVersion"] = "apiextensions.k8s.io/v1",
            ["kind"] = "CustomResourceDefinition",
            ["metadata"] = new JsonObject { ["name"] = $"{plural}.example.com" },
            ["spec"] = new JsonObject
            {
                ["group"] = "example.com",
                ["scope"] = scope,
                ["names"] = new JsonObject { ["plural"] = plural, ["kind"] = kind },
                ["versions"] = new JsonArray(version),
            },
        };
    }
}
