using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using k8s.Models;
using Slipway.Cluster;
using Slipway.LocalCluster.Hosting;
using Slipway.Targets;

namespace Slipway.Tests.EndToEnd;

/// <summary>
/// <c>./build.sh</c> end to end in a fresh clone: deploy, status, bad input, a held lease, a bad tag and Ctrl+C. The scenarios
/// share the clone (and its local cluster state) and run in order: the ones that leave a bad tag deployed come last.
/// </summary>
[TestMethodOrderer(typeof(ScenarioOrderer))]
public sealed class BuildScriptTests : IClassFixture<BuildScriptClone>
{
    private const string Lease = "slipway-deploy-staging";
    private readonly BuildScriptClone _clone;

    public BuildScriptTests(BuildScriptClone clone)
    {
        _clone = clone;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    [ScenarioOrder(1)]
    public async Task DeployStaging_succeeds_and_Status_shows_the_app_and_the_release()
    {
        BuildRun deploy = await _clone.RunAsync("DeployStaging");
        BuildRun status = await _clone.RunAsync("Status --env staging");

        deploy.ExitCode.ShouldBe(ExitCodes.Success, deploy.ToString());
        deploy.Output.ShouldContain("staging is live");
        status.ExitCode.ShouldBe(ExitCodes.Success, status.ToString());
        status.Output.ShouldContain("registry.local/web:staging-123");
        status.Output.ShouldContain("Last release: staging-1 (verified)");
    }

    [Theory]
    [ScenarioOrder(2)]
    [InlineData("SyncApps --env staging --app nope --tag x", "--app 'nope' is not an app of environment staging")]
    [InlineData("Status --env nope", "--env: no environment 'nope'")]
    public async Task Bad_input_exits_2_naming_the_parameter(string arguments, string message)
    {
        BuildRun run = await _clone.RunAsync(arguments);

        run.ExitCode.ShouldBe(ExitCodes.BadInput, run.ToString());
        run.Output.ShouldContain(message);
    }

    [Fact]
    [ScenarioOrder(3)]
    public async Task A_deploy_while_another_run_holds_the_lease_exits_3_naming_the_holder()
    {
        await using LocalClusterHandle cluster = await _clone.StartClusterAsync();
        using var client = new KubernetesCluster(ClusterTarget.ForUrl(cluster.BaseAddress, cluster.KubeconfigPath));
        DeployLease held = await DeployLease.AcquireAsync(client, new LeaseRequest("staging", "release-bot@ci run 4711", TimeSpan.FromSeconds(60), string.Empty), Ct);

        BuildRun refused = await _clone.RunAsync("SyncApps --env staging");
        V1Lease? during = await client.ReadLeaseAsync(DeployLease.Namespace, Lease, Ct);
        await held.ReleaseAsync(Ct);
        V1Lease? after = await client.ReadLeaseAsync(DeployLease.Namespace, Lease, Ct);

        refused.ExitCode.ShouldBe(ExitCodes.Refused, refused.ToString());
        refused.Output.ShouldContain("is held by release-bot@ci run 4711");
        refused.Output.ShouldNotContain("Pushed");
        during.ShouldNotBeNull().Spec.HolderIdentity.ShouldBe("release-bot@ci run 4711");
        after.ShouldBeNull();
    }

    [Fact]
    [ScenarioOrder(4)]
    public async Task A_tag_that_does_not_exist_fails_Verify_naming_ImagePullBackOff_and_the_pod()
    {
        BuildRun run = await _clone.RunAsync("SyncApps Verify --env staging --app web --tag does-not-exist");
        V1Lease? after = await ReadLeaseAsync();

        after.ShouldBeNull();
        run.ExitCode.ShouldBe(ExitCodes.TargetFailed, run.ToString());
        run.Output.ShouldContain("Verify failed");
        run.Output.ShouldContain("ImagePullBackOff");
        run.Output.ShouldMatch(@"Pod web/web-[a-z0-9]+-[a-z0-9]+ container web: Failed \(ImagePullBackOff\)");
        run.Output.ShouldContain("registry.local/web:does-not-exist");
    }

    [Fact]
    [ScenarioOrder(5)]
    public async Task Ctrl_C_during_Verify_exits_130_releases_the_lease_and_leaves_the_GitOps_clone_clean()
    {
        using Process build = StartBuild("SyncApps Verify --env staging --app web --tag also-missing");
        var output = new StringBuilder();
        var verifying = new TaskCompletionSource();
        void OnLine(string? line)
        {
            lock (output)
            {
                output.AppendLine(line);
            }

            if (line?.Contains(" / 300s]", StringComparison.Ordinal) == true)
            {
                verifying.TrySetResult();
            }
        }

        build.OutputDataReceived += (_, e) => OnLine(e.Data);
        build.ErrorDataReceived += (_, e) => OnLine(e.Data);
        build.BeginOutputReadLine();
        build.BeginErrorReadLine();

        await verifying.Task.WaitAsync(TimeSpan.FromMinutes(3), Ct);
        V1Lease? held = await ReadLeaseAsync();
        SigIntIgnored(build.Id).ShouldBeFalse(
            "the build started with SIGINT ignored, inherited from a shell that ran the tests as a background job ('… &'); run them in the foreground");
        kill(build.Id, 2).ShouldBe(0);
        await build.WaitForExitAsync(Ct).WaitAsync(TimeSpan.FromSeconds(60), Ct);
        V1Lease? after = await ReadLeaseAsync();
        string status = await _clone.GitAsync(_clone.GitOpsWorkDirectory, "status", "--porcelain");

        string printed;
        lock (output)
        {
            printed = output.ToString();
        }

        build.ExitCode.ShouldBe(ExitCodes.Interrupted, printed);
        held.ShouldNotBeNull(printed).Spec.HolderIdentity.ShouldContain($"pid {build.Id} ");
        after.ShouldBeNull(printed);
        status.ShouldBeEmpty();
    }

    [DllImport("libc", SetLastError = true)]
#pragma warning disable SA1300, IDE1006 // the libc name
    private static extern int kill(int pid, int signal);
#pragma warning restore SA1300, IDE1006

    /// <summary>The staging lease as the clone's cluster has it: joins the cluster while a run serves it, else starts it.</summary>
    private async Task<V1Lease?> ReadLeaseAsync()
    {
        await using LocalClusterHandle cluster = await _clone.StartClusterAsync();
        using var client = new KubernetesCluster(ClusterTarget.ForUrl(cluster.BaseAddress, cluster.KubeconfigPath));
        return await client.ReadLeaseAsync(DeployLease.Namespace, Lease, Ct);
    }

    /// <summary>build.sh as a child process of its own (its pid is the build's: build.sh execs dotnet), for signals.</summary>
    /// <summary>Whether the process ignores SIGINT (bit 2 of SigIgn in /proc/&lt;pid&gt;/status), as a background job of a non-interactive shell does.</summary>
    private static bool SigIntIgnored(int pid)
    {
        string status = $"/proc/{pid}/status";
        if (!File.Exists(status))
        {
            return false; // no procfs (macOS): nothing to tell
        }

        string? mask = File.ReadLines(status).FirstOrDefault(static l => l.StartsWith("SigIgn:", StringComparison.Ordinal))?["SigIgn:".Length..].Trim();
        return mask is not null && (Convert.ToUInt64(mask, 16) & (1UL << (2 - 1))) != 0;
    }

    private Process StartBuild(string arguments)
    {
        var info = new ProcessStartInfo("bash")
        {
            WorkingDirectory = _clone.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("build.sh");
        foreach (string argument in arguments.Split(' '))
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["NO_COLOR"] = "1";
        return Process.Start(info)!;
    }
}
