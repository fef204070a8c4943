using Slipway.Targets;

namespace Slipway.Targets.Tester;

/// <summary>A small build run as a real child process by the engine's tests (exit codes, Ctrl+C, masking).</summary>
internal sealed class TesterBuild : BuildBase
{
    [Parameter("Who to greet", Name = "name")]
    private readonly string _name = "world";

    [Parameter("Exit code the Failing target fails with", Name = "exit")]
    private readonly int _exit = ExitCodes.TargetFailed;

    [Secret]
    [Parameter("A secret that must never be printed", Name = "token")]
    private readonly string? _token;

    public static Task<int> Main() => ExecuteAsync<TesterBuild>(x => x.Hello);

    private Target Hello => _ => _
        .Description("Greets")
        .Executes(() => Console.WriteLine($"Hello {_name}, token {_token}"));

    private Target Failing => _ => _
        .Executes(() => throw new BuildException($"failing on purpose with token {_token}", _exit));

    private Target Crash => _ => _
        .Executes(() => throw new InvalidOperationException($"a bug that mentions {_token}"));

    private Target Wait => _ => _
        .Executes(async ct =>
        {
            Console.WriteLine("waiting for Ctrl+C");
            await Task.Delay(Timeout.Infinite, ct);
        });

    private Target Cleanup => _ => _
        .AssuredAfterFailure()
        .After(Wait, Failing)
        .Executes(() => Console.WriteLine("cleanup ran"));

    private Target WaitThenCleanup => _ => _
        .DependsOn(Wait, Cleanup);
}
