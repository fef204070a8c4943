using System.Text;
using Slipway.Targets;

namespace Slipway.Tests.BadInput;

/// <summary>
/// Malformed and hostile YAML in an environment's files: each refused with exit 2 at the file(line,col) that is wrong and
/// what to do, never an exception, a trace or a silently changed value.
/// </summary>
[Collection(BadInputCollection.Name)]
public sealed class HostileYamlCases
{
    private const string Env = "environments/staging/env.yaml";
    private const string Values = "environments/staging/values/extra.yaml";
    private const string Staging = "extends: [base]\n";

    private static readonly BadInputCase[] s_cases =
    [
        Validate("unclosed '['", Staging + "apps: [a, b\n", $"{Env}(2,7): error SLW0001: '[' is not closed: end the list with ']'"),
        Validate("unclosed '{' before the next key", Staging + "apps: {a: b\nverify:\n  timeout: 5m\n", $"{Env}(2,7): error SLW0001: '{{' is not closed: end the mapping with '}}'"),
        Validate("'{' closed by ']'", Staging + "apps: [b, {c: d]\nverify: {}\n", $"{Env}(2,11): error SLW0001: '{{' is not closed"),
        Validate("unclosed quote", Staging + "description: \"Staging\ngitops:\n  branch: main\n", $"{Env}(2,14): error SLW0001: the quoted value that starts here is not closed"),
        Validate("tab as indentation", Staging + "apps:\n  web:\n\t tag: x\n", $"{Env}(4,1): error SLW0001: a tab is used for indentation: indent with spaces"),
        Validate("invalid UTF-8 (Latin-1 file)", [.. Encoding.ASCII.GetBytes(Staging + "description: caf"), 0xE9, .. "\n"u8], $"{Env}(2,17): error SLW0007: invalid UTF-8 (byte 0xE9)", "save the file as UTF-8"),
        Validate("NUL byte", Staging + "description: St\0aging\n", $"{Env}(2,16): error SLW0007: control character U+0000 is not allowed", "remove it"),
        Validate("terminal escape sequence", Staging + "description: Sta\u001b[31mging\n", $"{Env}(2,17): error SLW0007: control character U+001B"),
        Validate("billion laughs", Staging + BillionLaughs(), $"{Env}(3,8): error SLW0003: YAML alias '*a' is not allowed", "move shared values into a layer"),
        Validate("merge key with an alias", Staging + "verify: &v\n  timeout: 5m\nrollback:\n  <<: *v\n", $"{Env}(5,7): error SLW0003: YAML alias '*v' is not allowed"),
        Validate("deep flow nesting", Staging + "description: " + new string('[', 200) + new string(']', 200) + "\n", $"{Env}(2,77): error SLW0005: nesting deeper than 64 levels: flatten this value"),
        Validate("deep block nesting", Staging + DeepBlocks(80), "error SLW0005: nesting deeper than 64 levels", $"{Env}(66,"),
        Validate("file over 1 MB", Staging + "description: \"" + new string('x', 1100 * 1024) + "\"\n", $"{Env}(1,1): error SLW0004: file is 1.1 MB", "split it into values/*.yaml"),
        Validate("duplicate key", Staging + "description: a\ndescription: b\n", $"{Env}(3,1): error SLW0002: duplicate key 'description' (first set at line 2): remove one of them"),
        Validate("a list as a key", Staging + "? [a]\n: b\n", $"{Env}(2,3): error SLW0001: a mapping key must be a plain name"),
        Validate("a number as a key", Staging + "1: x\n", $"{Env}(2,1): error SLW0103: unknown key '1'; allowed: extends"),
        Validate("document is a list", "- base\n- staging\n", $"{Env}(1,1): error SLW0101: an environment file holds a mapping of keys"),
        Validate("document is a scalar", "staging\n", $"{Env}(1,1): error SLW0101: an environment file holds a mapping of keys", "not a scalar"),
        Validate("two documents", Staging + "---\n" + Staging, $"{Env}(2,1): error SLW0001: a second YAML document ('---') is not allowed"),
        Validate("!!python/object tag", Staging + "description: !!python/object:os.system x\n", $"{Env}(2,14): error SLW0006: unknown tag '!!python/object:os.system'", "!append"),
        Validate("!!binary tag", Staging + "description: !!binary aGVsbG8=\n", $"{Env}(2,14): error SLW0006: unknown tag '!!binary'"),
        Validate("empty env.yaml", string.Empty, $"{Env}(1,1): error SLW0102: the environment is missing required key 'cluster'", "set it here or in a layer this environment extends"),
        Validate("env.yaml of comments only", "# staging\n# (to do)\n", $"{Env}(1,1): error SLW0102: the environment is missing required key 'gitops'"),
        Validate("!append on a scalar", Staging + "gates:\n  branches: !append main\n", $"{Env}(3,13): error SLW0006: !append applies to a list only: write '!append [item, …]'"),
        Validate("!append on a mapping", Staging + "verify: !append\n  timeout: 5m\n", $"{Env}(2,9): error SLW0006: !append applies to a list only"),
        ShowConfig("ShowConfig of an unclosed '{'", Staging + "apps: {web: {tag: x}\n", $"{Env}(2,7): error SLW0001: '{{' is not closed", "./build.sh Validate --env staging"),
        InValues("values file: unclosed '{'", "apps:\n  web: {tag: x\n", $"{Values}(2,8): error SLW0001: '{{' is not closed"),
        InValues("values file: tab as indentation", "apps:\n  web:\n\ttag: x\n", $"{Values}(3,1): error SLW0001: a tab is used for indentation"),
        InValues("values file: invalid UTF-8", [.. "description: caf"u8, 0xE9, .. "\n"u8], $"{Values}(1,17): error SLW0007: invalid UTF-8"),
        InValues("values file: a list", "- a\n", $"{Values}(1,1): error SLW0101: an environment file holds a mapping of keys"),
        InValues("values file: !!python tag", "description: !!python/object/apply:os.system [id]\n", $"{Values}(1,14): error SLW0006: unknown tag '!!python/object/apply:os.system'"),
    ];

    private readonly BadInputRepository _repository;

    public HostileYamlCases(BadInputRepository repository)
    {
        _repository = repository;
    }

    public static TheoryData<string> Names => [.. s_cases.Select(static c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Fails_safely(string name) => await _repository.AssertFailsSafelyAsync(s_cases.Single(c => c.Name == name));

    private static BadInputCase Validate(string name, string envYaml, params string[] expected)
        => Write(name, Env, Encoding.UTF8.GetBytes(envYaml), expected);

    private static BadInputCase Validate(string name, byte[] envYaml, params string[] expected) => Write(name, Env, envYaml, expected);

    private static BadInputCase InValues(string name, string yaml, params string[] expected)
        => Write(name, Values, Encoding.UTF8.GetBytes(yaml), expected);

    private static BadInputCase InValues(string name, byte[] yaml, params string[] expected) => Write(name, Values, yaml, expected);

    private static BadInputCase Write(string name, string file, byte[] bytes, params string[] expected)
        => new(name, "Validate --env staging", ExitCodes.BadInput, expected) { Arrange = root => EnvironmentFileCases.Write(root, file, bytes) };

    private static BadInputCase ShowConfig(string name, string envYaml, params string[] expected)
        => Validate(name, envYaml, expected) with { Arguments = "ShowConfig --env staging" };

    // Nine levels of nine aliases each: 9^9 "lol"s if aliases were expanded.
    private static string BillionLaughs()
    {
        var yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'i'; c++)
        {
            string alias = "*" + (char)(c - 1);
            yaml.Append(c).Append(": &").Append(c).Append(" [").AppendJoin(',', Enumerable.Repeat(alias, 9)).Append("]\n");
        }

        return yaml.ToString();
    }

    private static string DeepBlocks(int depth)
    {
        var yaml = new StringBuilder("platform:\n  releases:\n    x:\n      values:\n");
        for (int level = 0; level < depth; level++)
        {
            yaml.Append(' ', 8 + (2 * level)).Append('k').Append(level).Append(":\n");
        }

        return yaml.Append(' ', 8 + (2 * depth)).Append("v: 1\n").ToString();
    }
}
