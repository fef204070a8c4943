using System.Text.RegularExpressions;
using Slipway.Tests.EndToEnd;

namespace Slipway.Tests.BadInput;

/// <summary>
/// A fresh clone of the repository in which bad-input cases run <c>./build.sh</c> as a user would, one after the other.
/// <see cref="AssertFailsSafelyAsync"/> is the whole contract of a case.
/// </summary>
public sealed partial class BadInputRepository : IAsyncLifetime
{
    private readonly BuildScriptClone _clone = new();

    public string Root => _clone.Root;

    /// <summary>The clone itself, for fault tests that run the build more than once (fail, repair, succeed) or host its cluster.</summary>
    public BuildScriptClone Clone => _clone;

    public async ValueTask InitializeAsync()
    {
        await _clone.InitializeAsync();
        BuildRun warmUp = await _clone.RunAsync("Validate");
        if (warmUp.ExitCode != 0)
        {
            throw new InvalidOperationException($"The clean clone does not validate: {warmUp}");
        }
    }

    public ValueTask DisposeAsync() => _clone.DisposeAsync();

    private Task? _deployed;

    /// <summary>
    /// <c>./build.sh DeployStaging</c> once for all cases that need a planned and deployed clone (a saved plan, a GitOps
    /// repository with a release log, the local cluster's state); later calls return the same run (~3 s).
    /// </summary>
    public Task EnsureDeployedAsync() => _deployed ??= DeployAsync();

    private async Task DeployAsync()
    {
        BuildRun deploy = await _clone.RunAsync("DeployStaging");
        if (deploy.ExitCode != 0)
        {
            throw new InvalidOperationException($"The clean clone does not deploy staging: {deploy}");
        }
    }

    /// <summary>
    /// Arranges the case, runs it, and checks: the exit code; every expected fragment in the output; no stack trace and no
    /// exception type name; nothing written. Then puts the clone back as committed (ignored files such as .nuke/temp stay).
    /// </summary>
    public async Task<BuildRun> AssertFailsSafelyAsync(BadInputCase badInput)
    {
        try
        {
            if (badInput.Arrange is { } arrange)
            {
                await arrange(Root);
            }

            RepositorySnapshot before = RepositorySnapshot.Take(Root);
            BuildRun run = await _clone.RunAsync(badInput.Arguments, badInput.Variables);
            IReadOnlyList<string> written = RepositorySnapshot.Take(Root).ChangesSince(before, badInput.MayWrite);

            run.ExitCode.ShouldBe(badInput.ExitCode, run.ToString());
            foreach (string expected in badInput.Expected)
            {
                run.Output.ShouldContain(expected, Case.Sensitive, run.ToString());
            }

            StackFrame().IsMatch(run.Output).ShouldBeFalse($"a stack trace was printed: {run}");
            ExceptionTypeName().Match(run.Output).Value.ShouldBeEmpty($"an exception type was printed: {run}");
            written.ShouldBeEmpty($"the failed run wrote files: {run}");
            return run;
        }
        finally
        {
            await _clone.GitAsync(Root, "checkout", "-q", "--", ".");
            await _clone.GitAsync(Root, "clean", "-fdq");
        }
    }

    [GeneratedRegex(@"^\s+at \S+\(.*\)", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    [GeneratedRegex(@"\b[A-Z]\w*Exception\b")]
    private static partial Regex ExceptionTypeName();
}
