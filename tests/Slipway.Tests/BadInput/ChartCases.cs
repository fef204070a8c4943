using Slipway.Targets;

namespace Slipway.Tests.BadInput;

/// <summary>
/// <c>PublishChart</c> with a chart name, version or repository URL it cannot mirror, and a mirror index that is malformed:
/// refused with exit 2 naming the parameter (or the file and line), nothing written.
/// </summary>
[Collection(BadInputCollection.Name)]
public sealed class ChartCases
{
    private const string Podinfo = "https://stefanprodan.github.io/podinfo";
    private const string PodinfoIndex = "local-cluster/charts/stefanprodan.github.io/podinfo/index.yaml";

    private static readonly BadInputCase[] s_cases =
    [
        new("PublishChart without --version", $"PublishChart --repository {Podinfo} --chart podinfo", ExitCodes.BadInput, "required by PublishChart", "--version <value>"),
        new("PublishChart --version not semver", $"PublishChart --repository {Podinfo} --chart podinfo --version 1.2", ExitCodes.BadInput, "--version '1.2' is not a semantic version", "e.g. --version 1.2.3"),
        new("PublishChart --version with a v", $"PublishChart --repository {Podinfo} --chart podinfo --version v6.7.2", ExitCodes.BadInput, "--version 'v6.7.2' is not a semantic version"),
        new("PublishChart --version a word", $"PublishChart --repository {Podinfo} --chart podinfo --version latest", ExitCodes.BadInput, "--version 'latest' is not a semantic version"),
        new("PublishChart --chart with capitals", $"PublishChart --repository {Podinfo} --chart PodInfo --version 6.7.2", ExitCodes.BadInput, "--chart 'PodInfo' is not a valid chart name", "e.g. --chart podinfo"),
        new("PublishChart --chart with a slash", $"PublishChart --repository {Podinfo} --chart ../podinfo --version 6.7.2", ExitCodes.BadInput, "--chart '../podinfo' is not a valid chart name"),
        new("PublishChart --repository not a URL", "PublishChart --repository charts --chart podinfo --version 6.7.2", ExitCodes.BadInput, "--repository 'charts' is not a chart repository URL", "http(s):// or oci://"),
        new("PublishChart --repository ftp", "PublishChart --repository ftp://example.com/charts --chart podinfo --version 6.7.2", ExitCodes.BadInput, "--repository 'ftp://example.com/charts' is not a chart repository URL"),
        new("PublishChart onto a malformed mirror index", $"PublishChart --repository {Podinfo} --chart podinfo --version 6.7.2", ExitCodes.BadInput, $"{PodinfoIndex}:5: entries must be a mapping", "Fix or remove that index")
        {
            Arrange = static root => File.WriteAllTextAsync(Path.Combine(root, PodinfoIndex), "# broken\napiVersion: v1\n# entries follow\n\nentries: [podinfo]\n", TestContext.Current.CancellationToken),
        },
        new("PublishChart onto a mirror index that is not YAML", $"PublishChart --repository {Podinfo} --chart podinfo --version 6.7.2", ExitCodes.BadInput, $"{PodinfoIndex}:4: not valid YAML")
        {
            Arrange = static root => File.WriteAllTextAsync(Path.Combine(root, PodinfoIndex), "apiVersion: v1\nentries:\n  podinfo: [ {version: 1.0.0\n", TestContext.Current.CancellationToken),
        },
    ];

    private readonly BadInputRepository _repository;

    public ChartCases(BadInputRepository repository)
    {
        _repository = repository;
    }

    public static TheoryData<string> Names => [.. s_cases.Select(static c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Fails_safely(string name) => await _repository.AssertFailsSafelyAsync(s_cases.Single(c => c.Name == name));
}
