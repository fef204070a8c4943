using Slipway.Targets;

namespace Slipway.Tests.BadInput;

/// <summary>Broken environment files: every problem named as file(line,col) with the fix.</summary>
[Collection(BadInputCollection.Name)]
public sealed class EnvironmentFileCases
{
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
