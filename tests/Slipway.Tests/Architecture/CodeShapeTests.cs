using System.Reflection;
using System.Runtime.CompilerServices;
using Slipway.Tests.Support;

namespace Slipway.Tests.Architecture;

/// <summary>The shape rules of the house (STYLE.md): one name per type, small signatures, small files, one-way folders.</summary>
public sealed class CodeShapeTests
{
    private const int MaxParameters = 6;
    private const int MaxFileLines = 400;

    private static readonly string[] s_sourceAssemblies = ["Slipway", "Slipway.Targets", "Slipway.LocalCluster"];

    [Fact]
    public void No_type_name_is_defined_twice_across_src()
    {
        List<string> twins = SourceTypes()
            .Where(static t => !t.IsNested)
            .GroupBy(static t => t.Name, StringComparer.Ordinal)
            .Where(static g => g.Count() > 1)
            .Select(static g => $"{g.Key}: {string.Join(", ", g.Select(static t => t.FullName))}")
            .ToList();

        twins.ShouldBeEmpty();
    }

    [Fact]
    public void No_method_in_src_takes_more_than_six_parameters()
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        List<string> wide = SourceTypes()
            .SelectMany(static t => t.GetMethods(all).Cast<MethodBase>().Concat(t.GetConstructors(all)))
            .Where(static m => !m.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) && !m.Name.Contains('<', StringComparison.Ordinal))
            .Where(static m => m.GetParameters().Length > MaxParameters)
            .Select(static m => $"{m.DeclaringType!.FullName}.{m.Name} ({m.GetParameters().Length} parameters)")
            .ToList();

        wide.ShouldBeEmpty();
    }

    [Fact]
    public void No_source_file_is_longer_than_400_lines()
    {
        List<string> long_ = SourceFiles()
            .Select(static f => (File: f, Lines: File.ReadLines(f).Count()))
            .Where(static f => f.Lines > MaxFileLines)
            .Select(static f => $"{Path.GetRelativePath(RepositoryPaths.Root, f.File)} ({f.Lines} lines)")
            .ToList();

        long_.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("src/Slipway/GitOps", "Slipway.Releases")]
    [InlineData("src/Slipway/GitOps", "Slipway.Delivery")]
    [InlineData("src/Slipway/Releases", "Slipway.Delivery")]
    [InlineData("src/Slipway/Verification", "k8s")]
    [InlineData("src/Slipway/Verification", "Slipway.Delivery")]
    [InlineData("src/Slipway/Environments", "Slipway.Delivery")]
    [InlineData("src/Slipway/GitOps", "Slipway.Environments")]
    [InlineData("src/Slipway/Releases", "Slipway.Environments")]
    [InlineData("src/Slipway/Cluster", "Slipway.Environments")]
    [InlineData("src/Slipway/Cluster", "Slipway.Delivery")]
    [InlineData("src/Slipway/Verification", "Slipway.Environments")]
    [InlineData("src/Slipway/Infrastructure", "Slipway.Environments")]
    [InlineData("src/Slipway/Infrastructure", "Slipway.Delivery")]
    [InlineData("src/Slipway/Gates", "Slipway.Delivery")]
    [InlineData("src/Slipway/Reporting", "Slipway.Delivery")]
    public void A_domain_folder_does_not_use_a_namespace_it_must_not(string folder, string forbiddenNamespace)
    {
        string directory = RepositoryPaths.Combine(folder.Split('/'));
        Directory.Exists(directory).ShouldBeTrue(directory);
        List<string> offenders = Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(file => File.ReadLines(file).Any(line => line.StartsWith($"using {forbiddenNamespace}", StringComparison.Ordinal)
                || line.Contains($" {forbiddenNamespace}.", StringComparison.Ordinal) || line.Contains($"({forbiddenNamespace}.", StringComparison.Ordinal)))
            .Select(file => Path.GetRelativePath(RepositoryPaths.Root, file))
            .ToList();

        offenders.ShouldBeEmpty($"{folder} uses {forbiddenNamespace}");
    }

    private static IEnumerable<Type> SourceTypes()
        => s_sourceAssemblies
            .Select(static name => Assembly.LoadFrom(AssemblyDependencyTests.AssemblyPath(name)))
            .SelectMany(static a => a.GetTypes())
            .Where(static t => !t.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) && !t.Name.Contains('<', StringComparison.Ordinal))
            .Where(static t => t.Namespace is { } ns && ns.StartsWith("Slipway", StringComparison.Ordinal))
            .Where(static t => !GeneratedByProtoc(t));

    /// <summary>
    /// A message or file class protoc generated from the upstream Kubernetes <c>generated.proto</c> (the local cluster's protobuf
    /// bodies): their names are upstream's (<c>PodStatus</c>, <c>Condition</c>), kept so they read as the API does.
    /// </summary>
    private static bool GeneratedByProtoc(Type type)
        => type.GetInterfaces().Any(static i => i.FullName == "Google.Protobuf.IMessage")
            || type.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.PropertyType.FullName == "Google.Protobuf.Reflection.FileDescriptor";

    private static IEnumerable<string> SourceFiles()
        => Directory.EnumerateFiles(RepositoryPaths.Combine("src"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(RepositoryPaths.Combine("build"), "*.cs", SearchOption.TopDirectoryOnly))
            .Where(static f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
}
