using System.Text;
using Slipway.Targets;

namespace Slipway.Tests.BadInput;

/// <summary>Broken environment files: every problem named as file(line,col) with the fix.</summary>
[Collection(BadInputCollection.Name)]
public sealed class EnvironmentFileCases
{
    private const string Staging = "environments/staging/env.yaml";

    private static readonly BadInputCase[] s_cases =
    [
        new("unknown key", "Validate --env staging", ExitCodes.BadInput, "environments/staging/env.yaml(")
        {
            Arrange = static root => File.AppendAllTextAsync(Path.Combine(root, "environments", "staging", "env.yaml"), "\nunknwn: 1\n"),
        },
        new("extends a missing layer", "Validate --env staging", ExitCodes.BadInput, "environments/staging/env.yaml(", "nope")
        {
            Arrange = static root => Replace(root, "environments/staging/env.yaml", "extends:", "extends: [nope]\nx_extends:"),
        },
        Layering("extends a misspelt layer", "extends: [base]", "extends: [bse]", $"{Staging}(3,11): error SLW0011: extends unknown environment 'bse' (did you mean 'base'?)"),
        Layering("extends itself", "extends: [base]", "extends: [staging]", $"{Staging}(3,11): error SLW0012: cyclic extends: staging -> staging", "remove 'staging' from the extends"),
        new("extends cycle through base", "Validate --env staging", ExitCodes.BadInput, "environments/base/env.yaml(4,11): error SLW0012: cyclic extends: staging -> base -> staging")
        {
            Arrange = static root => Replace(root, "environments/base/env.yaml", "description:", "extends: [staging]\ndescription:"),
        },
        Layering("extends a path", "extends: [base]", "extends: [../base]", $"{Staging}(3,11): error SLW0010: environment name '../base' is invalid"),
        Layering("extends a mapping", "extends: [base]", "extends: {base: true}", $"{Staging}(3,10): error SLW0101: extends lists parent names: write 'extends: [base]'"),
        Layering("null removes a required key", "infrastructure:", "gitops:\n  repository: null\ninfrastructure:",
            $"{Staging}(8,15): error SLW0102: 'gitops' is missing required key 'repository': null here removes the value set at environments/base/env.yaml:8", "set a value instead of null"),
        Layering("null removes a required section", "infrastructure:", "gitops: ~\ninfrastructure:",
            $"{Staging}(7,9): error SLW0102: the environment is missing required key 'gitops': null here removes the value set at environments/base/env.yaml:7"),
        Layering("null removes an app's image", "    tag: staging-123", "    image: null\n    tag: staging-123",
            $"{Staging}(15,12): error SLW0102: 'apps.web' is missing required key 'image': null here removes the value set at environments/base/env.yaml:50"),
        Layering("null removes the local cluster", "  local: true", "  local: null", $"{Staging}(6,10): error SLW0102: cluster needs 'local: true'"),
        Layering("!append where a mapping is inherited", "verify:\n  timeout: 5m", "verify: !append [5m]",
            $"{Staging}(19,9): error SLW0101: 'verify' must be a mapping of keys, not a list", "the inherited value (at environments/base/env.yaml:56) is a mapping, not a list"),
        new("extends in a values file", "Validate --env staging", ExitCodes.BadInput,
            "environments/staging/values/extra.yaml(1,1): error SLW0103: 'extends' belongs in env.yaml only: move it to environments/staging/env.yaml")
        {
            Arrange = static root => Write(root, "environments/staging/values/extra.yaml", "extends: [base]\n"),
        },
    ];

    private readonly BadInputRepository _repository;

    public EnvironmentFileCases(BadInputRepository repository)
    {
        _repository = repository;
    }

    public static TheoryData<string> Names => [.. s_cases.Select(static c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Fails_safely(string name) => await _repository.AssertFailsSafelyAsync(s_cases.Single(c => c.Name == name));

    /// <summary>A case that replaces <paramref name="old"/> by <paramref name="replacement"/> in staging's env.yaml and validates it.</summary>
    private static BadInputCase Layering(string name, string old, string replacement, params string[] expected)
        => new(name, "Validate --env staging", ExitCodes.BadInput, expected) { Arrange = root => Replace(root, Staging, old, replacement) };

    /// <summary>Writes a file of the clone (its folder made if needed).</summary>
    internal static Task Write(string root, string relativePath, string text) => Write(root, relativePath, Encoding.UTF8.GetBytes(text));

    /// <summary>Writes a file of the clone byte for byte (its folder made if needed).</summary>
    internal static async Task Write(string root, string relativePath, byte[] bytes)
    {
        string path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, bytes);
    }

    /// <summary>Replaces the first <paramref name="old"/> in a file of the clone (fails the case when it is not there).</summary>
    internal static async Task Replace(string root, string relativePath, string old, string replacement)
    {
        string path = Path.Combine(root, relativePath);
        string text = await File.ReadAllTextAsync(path);
        int index = text.IndexOf(old, StringComparison.Ordinal);
        if (index < 0)
        {
            throw new InvalidOperationException($"'{old}' is not in {relativePath}");
        }

        await File.WriteAllTextAsync(path, text[..index] + replacement + text[(index + old.Length)..]);
    }
}
