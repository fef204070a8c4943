using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Slipway.Tests.Architecture;

/// <summary>
/// Dependencies point one way (docs/architecture.md): build → Slipway.Targets, Slipway, Slipway.LocalCluster;
/// Slipway.LocalCluster knows nothing of the delivery domain; the engine knows nothing of deployments.
/// Read from the compiled assemblies' metadata, so a reference that slips in through a fully qualified name is found too.
/// </summary>
public sealed class AssemblyDependencyTests
{
    [Theory]
    [InlineData("Slipway.LocalCluster", "Slipway.Targets")]
    [InlineData("Slipway", "Slipway.Targets")]
    [InlineData("Slipway", "Slipway.LocalCluster")]
    [InlineData("Slipway.Targets", "Slipway")]
    [InlineData("Slipway.Targets", "Slipway.LocalCluster")]
    public void An_assembly_does_not_reference_one_it_must_not(string assembly, string forbidden)
    {
        IReadOnlyList<string> references = AssemblyReferences(assembly);

        references.ShouldNotContain(forbidden, $"{assembly} references {forbidden}: {string.Join(", ", references)}");
    }

    [Theory]
    [InlineData("Slipway.Delivery")]
    [InlineData("Slipway.Environments")]
    [InlineData("Slipway.Cluster")]
    public void The_local_cluster_uses_no_type_of_the_delivery_domain(string forbiddenNamespace)
    {
        List<string> used = TypeReferences("Slipway.LocalCluster")
            .Where(name => name.StartsWith(forbiddenNamespace + ".", StringComparison.Ordinal))
            .ToList();

        used.ShouldBeEmpty($"Slipway.LocalCluster uses {string.Join(", ", used)}");
    }

    [Fact]
    public void The_metadata_reader_sees_the_references_that_exist()
    {
        // guards the tests above against passing because nothing was read
        AssemblyReferences("Slipway.LocalCluster").ShouldContain("Slipway");
        TypeReferences("Slipway.LocalCluster").ShouldContain("Slipway.ILog");
    }

    internal static string AssemblyPath(string assembly) => Path.Combine(AppContext.BaseDirectory, assembly + ".dll");

    private static IReadOnlyList<string> AssemblyReferences(string assembly)
    {
        using var reader = new PEReader(File.OpenRead(AssemblyPath(assembly)));
        MetadataReader metadata = reader.GetMetadataReader();
        return metadata.AssemblyReferences.Select(handle => metadata.GetString(metadata.GetAssemblyReference(handle).Name)).ToList();
    }

    private static IReadOnlyList<string> TypeReferences(string assembly)
    {
        using var reader = new PEReader(File.OpenRead(AssemblyPath(assembly)));
        MetadataReader metadata = reader.GetMetadataReader();
        return metadata.TypeReferences
            .Select(handle => metadata.GetTypeReference(handle))
            .Select(reference => metadata.GetString(reference.Namespace) + "." + metadata.GetString(reference.Name))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }
}
