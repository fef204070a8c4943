using System.Text.Json;
using k8s.Models;
using Slipway.Cluster;
using Slipway.LocalCluster.Hosting;
using Slipway.Targets;

namespace Slipway.Tests.EndToEnd;

/// <summary>
/// dev and staging, both <c>cluster.local: true</c>, each on its own local cluster (issue 12): deployed at once and one after
/// the other through the real <c>./build.sh</c>, each Verify and Status reports its own tag, and deploying dev never changes
/// staging's <c>web/web</c> HelmRelease (they have the same namespace and name). The scenarios share the clone and run in order.
/// </summary>
[TestMethodOrderer(typeof(ScenarioOrderer))]
public sealed class EnvironmentIsolationTests : IClassFixture<BuildScriptClone>
{
    private readonly BuildScriptClone _clone;

    public EnvironmentIsolationTests(BuildScriptClone clone)
    {
        _clone = clone;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    [ScenarioOrder(1)]
    public async Task DeployStaging_and_DeployDev_at_once_each_go_live_on_their_own_cluster()
    {
        BuildRun[] deploys = await Task.WhenAll(_clone.RunAsync("DeployStaging"), _clone.RunAsync("DeployDev"));

        deploys[0].ExitCode.ShouldBe(ExitCodes.Success, deploys[0].ToString());
        deploys[0].Output.ShouldContain("staging is live: 7/7 ready");
        deploys[1].ExitCode.ShouldBe(ExitCodes.Success, deploys[1].ToString());
        deploys[1].Output.ShouldContain("dev is live: 7/7 ready");
        await AssertVerifyAndStatusAsync("staging", "staging-123", "dev-1");
        await AssertVerifyAndStatusAsync("dev", "dev-1", "staging-123");
        string kubeconfig = await File.ReadAllTextAsync(Path.Combine(new SlipwayPaths(_clone.Root).LocalCluster, "kubeconfig"), Ct);
        kubeconfig.ShouldContain("- name: slipway-staging");
        kubeconfig.ShouldContain("- name: slipway-dev");
    }

    [Fact]
    [ScenarioOrder(2)]
    public async Task Deploying_dev_after_staging_leaves_stagings_HelmRelease_untouched()
    {
        (await _clone.RunAsync("PublishImage --image web --tag staging-200")).ExitCode.ShouldBe(ExitCodes.Success);
        (await _clone.RunAsync("PublishImage --image web --tag dev-200")).ExitCode.ShouldBe(ExitCodes.Success);

        BuildRun staging = await _clone.RunAsync("SyncApps Verify --env staging --app web --tag staging-200");
        (long Generation, string Spec, string Image) before = await WebAsync("staging");
        BuildRun dev = await _clone.RunAsync("SyncApps Verify --env dev --app web --tag dev-200");
        (long Generation, string Spec, string Image) after = await WebAsync("staging");

        staging.ExitCode.ShouldBe(ExitCodes.Success, staging.ToString());
        dev.ExitCode.ShouldBe(ExitCodes.Success, dev.ToString());
        dev.Output.ShouldContain("dev is live");
        before.Image.ShouldBe("registry.local/web:staging-200");
        after.ShouldBe(before, "dev's deploy changed staging's HelmRelease web/web or its Deployment");
        (await WebAsync("dev")).Image.ShouldBe("registry.local/web:dev-200");
        await AssertVerifyAndStatusAsync("staging", "staging-200", "dev-200");
        await AssertVerifyAndStatusAsync("dev", "dev-200", "staging-200");
    }

    [Fact]
    [ScenarioOrder(3)]
    public async Task LocalCluster_with_an_unknown_env_exits_2_naming_the_local_environments()
    {
        BuildRun run = await _clone.RunAsync("LocalCluster --env nope");

        run.ExitCode.ShouldBe(ExitCodes.BadInput, run.ToString());
        run.Output.ShouldContain("--env nope is not an environment (no environments/nope/env.yaml). Local environments: aio, base, dev, ha, production-rehearsal, singlenode, site, site-ha, staging.");
    }

    [Fact]
    [ScenarioOrder(4)]
    public async Task An_environment_named_like_a_shared_file_is_refused_before_its_cluster_starts()
    {
        string folder = Path.Combine(_clone.Root, "environments", "kubeconfig");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "env.yaml"), "extends: [dev]\ndescription: clashes with the shared kubeconfig\n", Ct);
        try
        {
            BuildRun run = await _clone.RunAsync("LocalCluster --env kubeconfig");

            run.ExitCode.ShouldBe(ExitCodes.BadInput, run.ToString());
            run.Output.ShouldContain("A local cluster cannot be named 'kubeconfig': its state folder .nuke/temp/local-cluster/kubeconfig would be the shared file of that name");
            Directory.Exists(Path.Combine(new SlipwayPaths(_clone.Root).LocalCluster, "kubeconfig")).ShouldBeFalse("no state folder where the shared kubeconfig goes");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task AssertVerifyAndStatusAsync(string environment, string tag, string otherTag)
    {
        BuildRun verify = await _clone.RunAsync($"Verify --env {environment}");
        BuildRun status = await _clone.RunAsync($"Status --env {environment}");

        verify.ExitCode.ShouldBe(ExitCodes.Success, verify.ToString());
        verify.Output.ShouldContain($"{environment} is live: 7/7 ready");
        status.ExitCode.ShouldBe(ExitCodes.Success, status.ToString());
        status.Output.ShouldContain($"registry.local/web:{tag}");
        status.Output.ShouldNotContain($"registry.local/web:{otherTag}");
        status.Output.ShouldContain("Ready — 7/7 ready");
    }

    /// <summary>The HelmRelease web/web (generation, spec) and its Deployment's image, as the environment's own cluster has them.</summary>
    private async Task<(long Generation, string Spec, string Image)> WebAsync(string environment)
    {
        await using LocalClusterHandle cluster = await _clone.StartClusterAsync(environment);
        using var client = new KubernetesCluster(ClusterTarget.ForUrl(cluster.BaseAddress, cluster.KubeconfigPath, cluster.ContextName));
        JsonElement release = (await client.GetCustomObjectAsync(CustomResource.HelmRelease, "web", "web", Ct)).ShouldNotBeNull();
        V1Deployment deployment = (await client.ListDeploymentsAsync("web", Ct)).Single();
        return (release.GetProperty("metadata").GetProperty("generation").GetInt64(), release.GetProperty("spec").GetRawText(), deployment.Spec.Template.Spec.Containers.Single().Image);
    }
}
