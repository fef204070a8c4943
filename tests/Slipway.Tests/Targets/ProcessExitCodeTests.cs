using System.Diagnostics;
using System.Runtime.InteropServices;
using Slipway.Targets;
using Slipway.Tests.Support;

namespace Slipway.Tests.Targets;

/// <summary>Runs a real sample build (tests/Slipway.Targets.Tester) as a child process, as Bullseye's tests do.</summary>
public sealed class ProcessExitCodeTests : IDisposable
{
    private const string Secret = "hunter2-secret-value";
    private readonly TempDirectory _root = new("slipway-tester");

    public ProcessExitCodeTests()
    {
        Directory.CreateDirectory(_root.Combine(".nuke"));
    }

    public void Dispose() => _root.Dispose();

    [Theory]
    [InlineData("Hello", ExitCodes.Success)]
    [InlineData("Failing", ExitCodes.TargetFailed)]
    [InlineData("Failing --exit 3", ExitCodes.Refused)]
    [InlineData("Crash", ExitCodes.TargetFailed)]
    [InlineData("Nope", ExitCodes.BadInput)]
    [InlineData("Hello --unknown", ExitCodes.BadInput)]
    public async Task Exit_codes_follow_the_outcome_and_secrets_never_show(string arguments, int exitCode)
    {
        using Process process = Start([.. arguments.Split(' '), "--token", Secret]);

        string output = await ReadAllAsync(process);

        process.ExitCode.ShouldBe(exitCode, output);
        output.ShouldNotContain(Secret);
        output.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Console_output_of_a_target_is_masked()
    {
        using Process process = Start(["Hello", "--token", Secret]);

        string output = await ReadAllAsync(process);

        output.ShouldContain("Hello world, token ***");
    }

    [Fact]
    public async Task Sigint_cancels_the_running_target_runs_assured_targets_and_exits_130()
    {
        using Process process = Start(["WaitThenCleanup"]);
        var output = new System.Text.StringBuilder();
        var waiting = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data?.Contains("waiting for Ctrl+C", StringComparison.Ordinal) == true)
            {
                waiting.TrySetResult();
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        await waiting.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        kill(process.Id, 2).ShouldBe(0);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        process.ExitCode.ShouldBe(ExitCodes.Interrupted);
        lock (output)
        {
            output.ToString().ShouldContain("cleanup ran");
        }
    }

    [DllImport("libc", SetLastError = true)]
#pragma warning disable SA1300, IDE1006 // the libc name
    private static extern int kill(int pid, int signal);
#pragma warning restore SA1300, IDE1006

    private Process Start(string[] arguments)
    {
        string tester = RepositoryPaths.Combine("tests", "Slipway.Targets.Tester", "bin", RepositoryPaths.Configuration, "net10.0", "Slipway.Targets.Tester.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _root.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(tester);
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["NO_COLOR"] = "1";
        return Process.Start(info)!;
    }

    private static async Task<string> ReadAllAsync(Process process)
    {
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return await output + await error;
    }
}
