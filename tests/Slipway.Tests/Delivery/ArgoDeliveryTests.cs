using System.Text.Json;
using Slipway.Cluster;
using Slipway.Delivery;
using Slipway.Environments;
using Slipway.GitOps;
using Slipway.Hosting;
using Slipway.Tests.Cluster;
using Slipway.Tests.Support;
using Slipway.Verification;

namespace Slipway.Tests.Delivery;

/// <summary>An environment with <c>gitops.engine: argocd</c> deployed through EnvironmentDelivery onto the local cluster's Argo CD controller.</summary>
public sealed class ArgoDeliveryTests : IClassFixture<LocalClusterFixture>
{
    private const string ArgoEnvironment = """
        extends: [base]
        description: Argo CD on the local cluster
        cluster:
          local: true
        gitops:
          engine: argocd
        infrastructure: null
        apps:
          web:
            tag: 2.0.0
            replicas: 2
            namespace: argo-web
        verify:
          timeout: 60s
          interval: 1s

        """;

    private readonly LocalClusterFixture _fixture;

    public ArgoDeliveryTests(LocalClusterFixture fixture)
    {
        _fixture = fixture;
        CopyDirectory(RepositoryPaths.Combine("environments"), Path.Combine(fixture.Root, "environments"));
        Directory.CreateDirectory(Path.Combine(fixture.Root, "environments", "argo"));
        File.WriteAllText(Path.Combine(fixture.Root, "environments", "argo", "env.yaml"), ArgoEnvironment);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_argocd_environment_deploys_verifies_takes_a_new_tag_and_reports_its_status()
    {
        var log = new RecordingLog();
        using var http = new HttpClient();
        await using EnvironmentDelivery delivery = await OpenAsync(log);

        GitOpsDeployResult platform = await delivery.DeployPlatformAsync(Ct);
        GitOpsDeployResult apps = await delivery.SyncAppsAsync(null, null, Ct);
        VerificationReport first = await delivery.VerifyAsync(new NullProgress(), http, Ct);
        JsonElement root = (await (await _fixture.ClusterForAsync("argo")).GetCustomObjectAsync(CustomResource.Application, ArgoSync.Namespace, "argo-apps", Ct))!.Value;
        string firstImage = (await (await _fixture.ClusterForAsync("argo")).ListDeploymentsAsync("argo-web", Ct)).Single().Spec.Template.Spec.Containers.Single().Image;

        GitOpsDeployResult upgrade = await delivery.SyncAppsAsync("web", "1.0.0", Ct);
        VerificationReport second = await delivery.VerifyAsync(new NullProgress(), http, Ct);
        await delivery.RecordReleaseAsync(verified: second.IsReady, Ct);
        IReadOnlyList<string> status = await delivery.ReadStatusAsync(Ct);

        var deployment = (await (await _fixture.ClusterForAsync("argo")).ListDeploymentsAsync("argo-web", Ct)).Single();
        JsonElement web = (await (await _fixture.ClusterForAsync("argo")).GetCustomObjectAsync(CustomResource.Application, ArgoSync.Namespace, "web", Ct))!.Value;
        platform.Push.Changed.ShouldBeTrue();
        root.GetProperty("status").GetProperty("sync").GetProperty("revision").GetString().ShouldBe(apps.CommitSha);
        first.IsReady.ShouldBeTrue(first.Summary());
        firstImage.ShouldBe("registry.local/web:2.0.0");
        upgrade.Changes.ShouldContain(c => c.Name == "web" && c.From == "2.0.0" && c.To == "1.0.0");
        second.IsReady.ShouldBeTrue(second.Summary());
        deployment.Spec.Template.Spec.Containers.Single().Image.ShouldBe("registry.local/web:1.0.0");
        deployment.Spec.Replicas.ShouldBe(2);
        web.GetProperty("status").GetProperty("health").GetProperty("status").GetString().ShouldBe("Healthy");
        status.ShouldContain(l => l.Contains("registry.local/web:1.0.0", StringComparison.Ordinal));
        status.ShouldContain(l => l.StartsWith("Cluster ", StringComparison.Ordinal) && l.Contains(": Ready", StringComparison.Ordinal));
        string asked = $"Asked Argo CD to sync argocd/argo-apps to {upgrade.CommitSha[..12]}";
        log.Lines.ShouldContain(l => l.Contains(asked, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_fail_fast_variable_that_is_not_a_duration_is_bad_input_naming_the_variable()
    {
        using var http = new HttpClient();
        await using EnvironmentDelivery delivery = await OpenAsync(NullLog.Instance, new() { [EnvironmentDelivery.FailFastVariable] = "soon" });

        SlipwayException failure = await Should.ThrowAsync<SlipwayException>(() => delivery.VerifyAsync(new NullProgress(), http, Ct));

        failure.Kind.ShouldBe(FailureKind.Input);
        failure.Message.ShouldContain("SLIPWAY_VERIFY_FAIL_FAST_AFTER='soon' is not a duration");
    }

    private async Task<EnvironmentDelivery> OpenAsync(ILog log, Dictionary<string, string>? variables = null)
    {
        await _fixture.ClusterForAsync("argo"); // the fixture serves argo's cluster; the delivery joins it
        EnvironmentCatalog catalog = await EnvironmentCatalog.LoadAsync(_fixture.Root, Ct);
        var context = new DeliveryContext(_fixture.Root, new DictionaryEnvironmentVariables(variables), TimeProvider.System, log, new LocalClusterStarter())
        {
            SyncTimeout = TimeSpan.FromSeconds(60),
        };
        return EnvironmentDelivery.Open(context, catalog, "argo");
    }

    private static void CopyDirectory(string source, string target)
    {
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }

    private sealed class NullProgress : IVerificationProgress
    {
        public void Report(VerificationReport report, TimeSpan elapsed, TimeSpan timeout)
        {
        }
    }
}
