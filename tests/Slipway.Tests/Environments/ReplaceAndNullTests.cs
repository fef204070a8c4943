using Slipway.Environments;
using Slipway.Environments.Settings;
using Slipway.Environments.Validation;
using Slipway.Environments.Yaml;

namespace Slipway.Tests.Environments;

/// <summary><c>!replace</c> and <c>!null</c> through three layers (base → mid → top), on chart values where both are allowed.</summary>
public sealed class ReplaceAndNullTests : IDisposable
{
    private readonly TempRepository _repository = new();

    public void Dispose() => _repository.Dispose();

    public static TheoryData<string, string, string, string> Layers => new()
    {
        // base values, mid values, top values → merged values
        { "{a: 1, b: 2}", "!replace {c: 3}", "{d: 4}", "{c: 3, d: 4}" },
        { "{a: 1, b: 2}", "!replace {}", "{}", "{}" },
        { "{a: 1}", "{b: 2}", "!replace {c: 3}", "{c: 3}" },
        { "{a: {x: 1, y: 2}, k: 1}", "{a: !replace {x: 9}}", "{a: {z: 3}}", "{a: {x: 9, z: 3}, k: 1}" },
        { "{a: {x: 1}}", "{a: !replace {y: {p: 1}}}", "{a: {y: {q: 2}}}", "{a: {y: {p: 1, q: 2}}}" },
        { "{}", "{n: !replace {a: 1}}", "{}", "{n: {a: 1}}" },
        { "{l: [1, 2]}", "{l: !replace [3]}", "{l: !append [4]}", "{l: [3, 4]}" },
        { "{l: [1, 2]}", "{l: !append [3]}", "{l: !replace [9]}", "{l: [9]}" },
        { "{failureDomain: zone}", "{failureDomain: !null }", "{}", "{failureDomain: !null}" },
        { "{f: zone}", "{f: null}", "{}", "{}" },
        { "{f: zone}", "{f: !null }", "{f: null}", "{}" },
        { "{f: zone}", "{f: null}", "{f: !null }", "{f: !null}" },
        { "{f: !null }", "{f: a}", "{}", "{f: a}" },
        { "{m: {a: 1}}", "{m: !null }", "{m: {b: 2}}", "{m: {b: 2}}" },
        { "{m: {a: 1}}", "{m: null}", "{m: {b: 2}}", "{m: {b: 2}}" },
        { "{m: {a: 1}}", "{m: !null }", "{}", "{m: !null}" },
        { "{m: {a: 1, b: 2}}", "{m: !replace {a: !null }}", "{}", "{m: {a: !null}}" },
    };

    [Theory]
    [MemberData(nameof(Layers))]
    public async Task Three_layers_merge_as_tagged(string baseValues, string midValues, string topValues, string expected)
    {
        _repository
            .Write("base/env.yaml", Release(baseValues))
            .Write("mid/env.yaml", "extends: [base]\n" + Release(midValues))
            .Write("top/env.yaml", "extends: [mid]\n" + Release(topValues));
        EnvironmentCatalog catalog = await EnvironmentCatalog.LoadAsync(_repository.Root, TestContext.Current.CancellationToken);

        ResolvedEnvironment top = catalog.Resolve("top");

        top.Diagnostics.ShouldBeEmpty();
        Render(top.Find("platform.releases.r.values")!.Value).ShouldBe(expected);
    }

    [Fact]
    public async Task Explicit_null_reaches_chart_values_as_null_while_null_still_deletes()
    {
        const string Valid = "cluster:\n  local: true\ngitops:\n  repository: local\n  engine: flux\n";
        _repository
            .Write("base/env.yaml", Valid + "platform:\n  releases:\n    r:\n      chart: c\n      repository: https://charts.example.com\n      version: 1.0.0\n      values:\n        failureDomain: zone\n        gone: x\n")
            .Write("site/env.yaml", "extends: [base]\nplatform:\n  releases:\n    r:\n      values:\n        failureDomain: !null\n        gone: null\n");
        EnvironmentCatalog catalog = await EnvironmentCatalog.LoadAsync(_repository.Root, TestContext.Current.CancellationToken);

        EnvironmentSettings settings = EnvironmentSettings.Load(catalog, "site");

        IReadOnlyDictionary<string, object?> values = settings.Platform.Releases["r"].Values;
        values.ContainsKey("failureDomain").ShouldBeTrue();
        values["failureDomain"].ShouldBeNull();
        values.ContainsKey("gone").ShouldBeFalse();
    }

    public static TheoryData<string, string> BadTags => new()
    {
        { "description: !replace text\n", "(1,14): error SLW0006: !replace applies to a mapping or a list" },
        { "gitops: !null\n", "(1,9): error SLW0006: 'gitops': !null passes a null to a chart and belongs only under platform.releases.<name>.values" },
        { "infrastructure:\n  stack: infra\n  variables:\n    zone: !null\n", "(4,11): error SLW0006: 'infrastructure.variables.zone': !null passes a null to a chart" },
        { "platform:\n  releases:\n    r:\n      values:\n        a: !null zone\n", "(5,12): error SLW0006: !null takes no value" },
        { "apps: !append {}\n", "(1,7): error SLW0006: !append applies to a list only" },
        { "apps: !null []\n", "(1,7): error SLW0006: !null is a value of its own" },
    };

    [Theory]
    [MemberData(nameof(BadTags))]
    public async Task Misplaced_tags_are_errors_at_their_line(string yaml, string expected)
    {
        _repository.Write("x/env.yaml", yaml);
        EnvironmentCatalog catalog = await EnvironmentCatalog.LoadAsync(_repository.Root, TestContext.Current.CancellationToken);

        ValidationResult result = EnvironmentValidator.Validate(catalog, "x");

        result.Diagnostics.Select(d => d.ToString()).ShouldContain(line => line.StartsWith("environments/x/env.yaml" + expected, StringComparison.Ordinal),
            string.Join("\n", result.Diagnostics));
    }

    private static string Release(string values) => $"platform:\n  releases:\n    r:\n      values: {values}\n";

    private static string Render(ConfigNode node) => node switch
    {
        ConfigMapping mapping => "{" + string.Join(", ", mapping.Entries.Select(entry => $"{entry.Key}: {Render(entry.Value)}")) + "}",
        ConfigSequence sequence => "[" + string.Join(", ", sequence.Items.Select(Render)) + "]",
        ConfigScalar { IsExplicitNull: true } => "!null",
        ConfigScalar scalar => scalar.Value,
        _ => throw new InvalidOperationException(),
    };
}
