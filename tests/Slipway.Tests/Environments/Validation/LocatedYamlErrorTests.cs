using System.Text;
using Slipway.Environments;
using Slipway.Environments.Validation;
using Slipway.Environments.Yaml;

namespace Slipway.Tests.Environments.Validation;

/// <summary>
/// Malformed and hostile environment files are refused at the file(line,col) that is wrong (issue 11, item 4): unclosed
/// brackets name the bracket, tabs their line, a layer's <c>null</c> its own line, bad bytes their position.
/// </summary>
public sealed class LocatedYamlErrorTests : IDisposable
{
    private const string Valid = "cluster:\n  local: true\ngitops:\n  repository: local\n  engine: flux\n";
    private const string X = "environments/x/env.yaml";

    private readonly TempRepository _repository = new();

    public void Dispose() => _repository.Dispose();

    public static TheoryData<string, string> Errors => new()
    {
        { Valid + "apps: [a, b\n", $"{X}(6,7): error SLW0001: '[' is not closed: end the list with ']'" },
        { Valid + "apps: {a: b\nverify:\n  timeout: 5m\n", $"{X}(6,7): error SLW0001: '{{' is not closed: end the mapping with '}}'" },
        { Valid + "apps: [b, {c: d]\nverify: {}\n", $"{X}(6,11): error SLW0001: '{{' is not closed" },
        { Valid + "apps: ['a]', it's, {b: '}'}, \"[\" # ]\nverify: {}\n", $"{X}(6,7): error SLW0001: '[' is not closed" },
        { Valid + "apps:\n  web: {tag: x, replicas: [1}\n", $"{X}(7,27): error SLW0001: '[' is not closed" },
        { Valid + "description: \"Staging\napps: {}\n", $"{X}(6,14): error SLW0001: the quoted value that starts here is not closed" },
        { Valid + "apps:\n  web:\n\t  tag: x\n", $"{X}(8,1): error SLW0001: a tab is used for indentation" },
        { Valid + "apps:\n  web:\n  \t tag: x\n", $"{X}(8,3): error SLW0001: a tab is used for indentation" },
        { Valid + "description: a\0b\n", $"{X}(6,15): error SLW0007: control character U+0000 is not allowed" },
        { Valid + "description: !!python/object:os.system x\n", $"{X}(6,14): error SLW0006: unknown tag '!!python/object:os.system'" },
        { Valid + "description: !!binary aGVsbG8=\n", $"{X}(6,14): error SLW0006: unknown tag '!!binary'" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task Each_error_names_the_position_that_is_wrong(string yaml, string expected)
    {
        _repository.Write("x/env.yaml", yaml);

        ValidationResult result = EnvironmentValidator.Validate(await LoadAsync(), "x");

        result.Diagnostics.Select(DiagnosticFormatter.Format).ShouldContain(line => line.StartsWith(expected, StringComparison.Ordinal),
            string.Join('\n', result.Diagnostics));
    }

    [Fact]
    public async Task Core_yaml_tags_are_still_accepted()
    {
        _repository.Write("x/env.yaml", Valid + "description: !!str 1\napps: !!map {}\n");

        ValidationResult result = EnvironmentValidator.Validate(await LoadAsync(), "x");

        result.Diagnostics.ShouldBeEmpty();
    }

    [Fact]
    public async Task Invalid_utf8_is_refused_at_the_first_bad_byte()
    {
        WriteBytes("x/env.yaml", [.. Encoding.UTF8.GetBytes(Valid + "description: café "), 0xE9, .. "menu\n"u8]);

        ValidationResult result = EnvironmentValidator.Validate(await LoadAsync(), "x");

        DiagnosticFormatter.Format(result.Diagnostics.ShouldHaveSingleItem())
            .ShouldStartWith($"{X}(6,19): error SLW0007: invalid UTF-8 (byte 0xE9)");
    }

    public static TheoryData<string, string> Removals => new()
    {
        { "gitops:\n  repository: null\n", $"{X}(3,15): error SLW0102: 'gitops' is missing required key 'repository': null here removes the value set at environments/base/env.yaml:4" },
        { "description: x\ngitops: ~\n", $"{X}(3,9): error SLW0102: the environment is missing required key 'gitops': null here removes the value set at environments/base/env.yaml:3" },
        { "cluster:\n  local: null\n", $"{X}(3,10): error SLW0102: cluster needs 'local: true'" },
    };

    [Theory]
    [MemberData(nameof(Removals))]
    public async Task A_null_that_removes_a_required_value_is_reported_where_it_is_written(string yaml, string expected)
    {
        _repository.Write("base/env.yaml", Valid).Write("x/env.yaml", "extends: [base]\n" + yaml);

        ValidationResult result = EnvironmentValidator.Validate(await LoadAsync(), "x");

        DiagnosticFormatter.Format(result.Diagnostics.ShouldHaveSingleItem()).ShouldStartWith(expected);
    }

    [Fact]
    public async Task Crlf_line_endings_and_a_bom_read_with_the_same_positions()
    {
        WriteBytes("x/env.yaml", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes((Valid + "apps: [a\n").ReplaceLineEndings("\r\n"))]);

        ValidationResult result = EnvironmentValidator.Validate(await LoadAsync(), "x");

        DiagnosticFormatter.Format(result.Diagnostics.ShouldHaveSingleItem()).ShouldStartWith($"{X}(6,7): error SLW0001: '[' is not closed");
    }

    [Fact]
    public async Task Crlf_line_endings_validate()
    {
        _repository.Write("base/env.yaml", Valid);
        File.WriteAllText(Path.Combine(_repository.Root, "environments", "base", "env.yaml"), Valid.ReplaceLineEndings("\r\n") + "gates:\r\n  branches: [main]\r\n");
        _repository.Write("x/env.yaml", "extends: [base]\ngates:\n  branches: !append [dev]\n");

        EnvironmentCatalog catalog = await LoadAsync();
        ValidationResult result = EnvironmentValidator.Validate(catalog, null);

        result.Diagnostics.ShouldBeEmpty();
        ((ConfigSequence)catalog.Resolve("x").Find("gates.branches")!.Value).Items.Select(i => i.ToString()).ShouldBe(["main", "dev"]);
        catalog.Resolve("base").Find("gitops.engine")!.KeyLocation.Line.ShouldBe(5);
    }

    private void WriteBytes(string relativePath, byte[] bytes)
    {
        string path = Path.Combine(_repository.Root, "environments", relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    private Task<EnvironmentCatalog> LoadAsync() => EnvironmentCatalog.LoadAsync(_repository.Root, TestContext.Current.CancellationToken);
}
