using System.Text;
using k8s;
using k8s.Models;
using Slipway.LocalCluster.Hosting;
using Slipway.Processes;
using Slipway.Targets;

namespace Slipway.Tests.EndToEnd;

/// <summary>
/// The README's production rehearsal on a fresh clone, as a person types it: four tags deployed to
/// <c>production-rehearsal</c>, then exactly <c>./build.sh Rollback --tag production-40672</c> on a terminal (a pty from
/// <c>script</c>, answering its question), then History, Status and the cluster agree, the GitOps repository records the
/// release and the hold, and the next deploy of another tag exits 3 naming the hold until Resume.
/// </summary>
public sealed class ProductionRehearsalTests : IClassFixture<BuildScriptClone>
{
    private const string Env = "production-rehearsal";
    private readonly BuildScriptClone _clone;

    public ProductionRehearsalTests(BuildScriptClone clone)
    {
        _clone = clone;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Four_tags_then_Rollback_by_tag_on_a_terminal_runs_40672_records_it_and_holds_it_until_Resume()
    {
        foreach (int n in new[] { 40670, 40671, 40672, 40673 })
        {
            await RunAsync($"PublishImage --image web --tag production-{n}", ExitCodes.Success);
        }

        await RunAsync($"Validate PlanInfra ApplyInfra DeployPlatform SyncApps Verify --env {Env} --app web --tag production-40670", ExitCodes.Success);
        foreach (int n in new[] { 40671, 40672, 40673 })
        {
            await RunAsync($"SyncApps Verify --env {Env} --app web --tag production-{n}", ExitCodes.Success);
        }

        (int rollbackExit, string rollback) = await RollbackOnATerminalAsync("Rollback --tag production-40672");
        BuildRun status = await RunAsync($"Status --env {Env}", ExitCodes.Success);
        string holds = await _clone.GitAsync(_clone.GitOpsRemote, "show", $"main:holds/{Env}.yaml");
        string releases = await _clone.GitAsync(_clone.GitOpsRemote, "show", $"main:releases/{Env}.yaml");
        string image = await WebImageAsync();
        BuildRun refused = await RunAsync($"SyncApps Verify --env {Env} --app web --tag production-40673", ExitCodes.Refused);
        await RunAsync($"Resume --env {Env} --reason rehearsed", ExitCodes.Success);
        await RunAsync($"SyncApps Verify --env {Env} --app web --tag production-40673", ExitCodes.Success);
        BuildRun history = await RunAsync($"History --env {Env}", ExitCodes.Success);

        rollbackExit.ShouldBe(ExitCodes.Success, rollback);
        rollback.ShouldContain($"Roll back {Env} as shown? [y/N]");
        rollback.ShouldContain($"Rolled back {Env}: web production-40673 -> production-40672");
        status.Output.ShouldContain("registry.local/web:production-40672");
        image.ShouldBe("registry.local/web:production-40672");
        holds.ShouldContain("app: web");
        holds.ShouldContain("tag: production-40672");
        releases.ShouldContain($"restores: {Env}-3");
        refused.Output.ShouldContain("holds web held at production-40672");
        refused.Output.ShouldContain($"./build.sh Resume --env {Env} --app web --reason");
        history.Output.ShouldContain($"{Env}-5");
        history.Output.ShouldContain($"rollback to {Env}-3");
    }

    private async Task<BuildRun> RunAsync(string arguments, int expectedExit)
    {
        BuildRun run = await _clone.RunAsync(arguments);
        run.ExitCode.ShouldBe(expectedExit, run.ToString());
        return run;
    }

    /// <summary>Runs build.sh under <c>script</c> (a pseudo-terminal, no CI variables), answers "y" when it asks.</summary>
    private async Task<(int Exit, string Output)> RollbackOnATerminalAsync(string arguments)
    {
        var request = new ProcessRequest("script", ["-qec", $"bash build.sh {arguments}", "/dev/null"])
        {
            WorkingDirectory = _clone.Root,
            Timeout = TimeSpan.FromMinutes(5),
            IsSuccess = static _ => true,
            EnvironmentVariables = new Dictionary<string, string?> { ["NO_COLOR"] = "1", ["CI"] = null, ["GITHUB_ACTIONS"] = null, ["TF_BUILD"] = null, ["GITHUB_REF_NAME"] = null, ["CI_COMMIT_BRANCH"] = null },
        };
        await using RunningProcess process = new ProcessRunner().Start(request, Ct);
        var output = new StringBuilder();
        byte[] buffer = new byte[8192];
        bool answered = false;
        int read;
        while ((read = await process.Output.ReadAsync(buffer, Ct)) > 0)
        {
            output.Append(Encoding.UTF8.GetString(buffer, 0, read));
            if (!answered && output.ToString().Contains("[y/N]", StringComparison.Ordinal))
            {
                await process.Input.WriteAsync("y\n"u8.ToArray(), Ct);
                await process.Input.FlushAsync(Ct);
                await process.Input.DisposeAsync(); // script runs until its input ends, even after the build has exited
                answered = true;
            }
        }

        ProcessResult result = await process.Completion;
        return (result.ExitCode, output.ToString().Replace("\r", string.Empty, StringComparison.Ordinal));
    }

    private async Task<string> WebImageAsync()
    {
        await using LocalClusterHandle cluster = await _clone.StartClusterAsync("production-rehearsal");
        using var client = new Kubernetes(new KubernetesClientConfiguration { Host = cluster.BaseAddress.ToString() });
        V1Deployment web = await client.AppsV1.ReadNamespacedDeploymentAsync("web", "web", cancellationToken: Ct);
        return web.Spec.Template.Spec.Containers[0].Image;
    }
}
