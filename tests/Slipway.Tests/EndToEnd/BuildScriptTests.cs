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
    [ScenarioOrder(2)]
    public async Task Checklist_reports_every_item_and_writes_the_markdown_without_failing_on_unmet_ones()
    {
        string file = Path.Combine(_clone.Root, ".nuke", "temp", "staging", "checklist.md");

        BuildRun run = await _clone.RunAsync("Checklist --env staging");

        run.ExitCode.ShouldBe(ExitCodes.Success, run.ToString());
        run.Output.ShouldContain("Release checklist of staging at ");
        run.Output.ShouldContain("[x] Plan reviewed: .nuke/temp/staging/infra.tfplan of ");
        run.Output.ShouldContain("[x] No emergency stop in force");
        run.Output.ShouldContain("[ ] open: Backups taken: Slipway has no backups hook");
        string markdown = await File.ReadAllTextAsync(file, Ct);
        markdown.ShouldStartWith("## Release checklist: staging\n");
        markdown.ShouldContain("- [ ] **Backups taken** — *for a person*");
        Directory.GetFiles(Path.GetDirectoryName(file)!, "checklist.md*").ShouldBe([file]);
    }

    [Fact]
    [ScenarioOrder(3)]
    public async Task A_deploy_while_another_run_holds_the_lease_exits_3_naming_the_holder()
    {
        await using LocalClusterHandle cluster = await _clone.StartClusterAsync("staging");
        using var client = new KubernetesCluster(ClusterTarget.ForUrl(cluster.BaseAddress, cluster.KubeconfigPath));
        DeployLease held = await DeployLease.AcquireAsync(client, new LeaseRequest("staging", "release-bot@ci run 4711", TimeSpan.FromSeconds(60), string.Empty), Ct);
        string plan = Path.Combine(_clone.Root, ".nuke", "temp", "staging", "infra.tfplan");
        DateTime planned = File.GetLastWriteTimeUtc(plan);

        // The lease covers the whole chain: the refusal comes at PlanInfra, before terraform plans anything.
        BuildRun refused = await _clone.RunAsync("DeployStaging");
        V1Lease? during = await client.ReadLeaseAsync(DeployLease.Namespace, DeployLease.NameFor("staging"), Ct);
        await held.ReleaseAsync(Ct);
        V1Lease? after = await client.ReadLeaseAsync(DeployLease.Namespace, DeployLease.NameFor("staging"), Ct);

        refused.ExitCode.ShouldBe(ExitCodes.Refused, refused.ToString());
        refused.Output.ShouldContain("is held by release-bot@ci run 4711");
        refused.Output.ShouldNotContain("Pushed");
        File.GetLastWriteTimeUtc(plan).ShouldBe(planned);
        File.Exists(plan).ShouldBeTrue();
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

        // staging inherits rollback.auto: true from base: the previous verified tag is back, verified and held.
        run.Output.ShouldContain("rollback.auto: rolled back automatically to release");
        run.Output.ShouldContain("holds/staging.yaml");
    }

    [Fact]
    [ScenarioOrder(5)]
    public async Task Ctrl_C_during_Verify_exits_130_releases_the_lease_and_leaves_the_GitOps_clone_clean()
    {
        var verifying = new TaskCompletionSource();
        using BuildProcess build = BuildProcess.Start(
            _clone.Root,
            "SyncApps Verify --env staging --app web --tag also-missing --release-hold",
            onLine: line =>
            {
                if (line.Contains(" / 300s]", StringComparison.Ordinal))
                {
                    verifying.TrySetResult();
                }
            });

        await verifying.Task.WaitAsync(TimeSpan.FromMinutes(3), Ct);
        V1Lease? held = await ReadLeaseAsync();
        build.SigIntIgnored().ShouldBeFalse(
            "the build started with SIGINT ignored, inherited from a shell that ran the tests as a background job ('… &'); run them in the foreground");
        build.Interrupt().ShouldBeTrue();
        int exitCode = await build.WaitAsync(TimeSpan.FromSeconds(60), Ct);
        V1Lease? after = await ReadLeaseAsync();
        string status = await _clone.GitAsync(_clone.GitOpsWorkDirectory, "status", "--porcelain");

        exitCode.ShouldBe(ExitCodes.Interrupted, build.Output);
        held.ShouldNotBeNull(build.Output).Spec.HolderIdentity.ShouldContain($"pid {build.Id} ");
        after.ShouldBeNull(build.Output);
        status.ShouldBeEmpty();
    }

    private Task<V1Lease?> ReadLeaseAsync() => _clone.ReadLeaseAsync("staging");
}
