using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Slipway.Cluster;
using Slipway.LocalCluster.Hosting;
using Slipway.Targets;

namespace Slipway.Tests.EndToEnd;

/// <summary>
/// A sentinel secret through every channel — <c>${env:}</c> and <c>${file:}</c> chart values, the GitOps token (the
/// <c>[Secret]</c> parameter <c>--gitops-token</c>), a sensitive Terraform variable from <c>${env:}</c> — reaches its target
/// and nothing else: after a deploy and after a failed Verify it is in no console output, step summary, CI annotation, GitOps
/// commit (every file and message of the remote's history, the release log with it) or file under <c>.nuke/temp</c> (but
/// Terraform's plan files; its state is in the stack folder) — nor after a second deploy, a rollback and History, whose console
/// output, GitOps commits (the rollback, holds/ and releases/ with the rest) and release log are read too. (The rollback comes
/// before the failure: a rollback right after a bad tag fails its Verify on the bad pods still terminating, a defect of its own.) And it did reach the chart: the
/// values Secret holds it and the HelmRelease reads that Secret.
/// </summary>
public sealed class SecretSentinelTests : IClassFixture<BuildScriptClone>
{
    private const string FromEnv = "SNTL-env-8c1f0a";
    private const string FromFile = "SNTL-file-5d2a9b";
    private const string Token = "SNTL-token-77e3c4";
    private const string TerraformVariable = "SNTL-tfvar-91b0d6";
    private static readonly string[] s_sentinels = [FromEnv, FromFile, Token, TerraformVariable];

    private readonly BuildScriptClone _clone;

    public SecretSentinelTests(BuildScriptClone clone)
    {
        _clone = clone;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// The console as GitHub Actions shows it: the runner consumes <c>::add-mask::</c> lines (which must carry the secret) and
    /// never shows them.
    /// </summary>
    private static string WithoutMaskCommands(string console)
        => string.Join('\n', console.Split('\n').Where(static l => !l.StartsWith("::add-mask::", StringComparison.Ordinal)));

    [Fact]
    public async Task A_sentinel_secret_reaches_its_target_and_appears_nowhere_else_after_a_deploy_a_failure_and_a_rollback()
    {
        await ArrangeAsync();
        string summary = Path.Combine(Path.GetDirectoryName(_clone.Root)!, "step-summary.md");
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["SLIPWAY_SENTINEL_PASSWORD"] = FromEnv,
            ["SLIPWAY_SENTINEL_TF"] = TerraformVariable,
            ["SLIPWAY_GITOPS_TOKEN"] = Token,
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_STEP_SUMMARY"] = summary,
        };

        BuildRun deploy = await _clone.RunAsync("DeployStaging", variables);
        BuildRun published = await _clone.RunAsync("PublishImage --image web --tag staging-124", variables);
        BuildRun next = await _clone.RunAsync("SyncApps Verify --env staging --app web --tag staging-124", variables);
        BuildRun rollback = await _clone.RunAsync("Rollback --env staging --yes --reason sentinel-rollback", variables);
        string holds = await _clone.GitAsync(_clone.GitOpsRemote, "show", "main:holds/staging.yaml");
        BuildRun failed = await _clone.RunAsync("SyncApps Verify --env staging --app web --tag does-not-exist --release-hold", variables);
        BuildRun history = await _clone.RunAsync("History --env staging", variables);
        string releases = await _clone.GitAsync(_clone.GitOpsRemote, "show", "main:releases/staging.yaml");

        deploy.ExitCode.ShouldBe(ExitCodes.Success, deploy.ToString());
        published.ExitCode.ShouldBe(ExitCodes.Success, published.ToString());
        next.ExitCode.ShouldBe(ExitCodes.Success, next.ToString());
        rollback.ExitCode.ShouldBe(ExitCodes.Success, rollback.ToString());
        rollback.Output.ShouldContain("Rolled back staging: web staging-124 -> staging-123");
        holds.ShouldContain("reason: sentinel-rollback");
        failed.ExitCode.ShouldBe(ExitCodes.TargetFailed, failed.ToString());
        failed.Output.ShouldContain("ImagePullBackOff");
        history.ExitCode.ShouldBe(ExitCodes.Success, history.ToString());
        releases.ShouldContain("restores: staging-1");
        deploy.Output.ShouldContain("Applied Secret monitoring/kube-prometheus-stack-slipway-values");
        deploy.Output.Split('\n').Count(static l => l.TrimEnd('\r') == $"::add-mask::{Token}").ShouldBe(1, "the runner is told to mask the token, once");
        var places = new List<(string Where, string Text)>
        {
            ("console of DeployStaging", WithoutMaskCommands(deploy.Output)),
            ("console of SyncApps Verify staging-124", WithoutMaskCommands(next.Output)),
            ("console of Rollback", WithoutMaskCommands(rollback.Output)),
            ("console of the failed Verify", WithoutMaskCommands(failed.Output)),
            ("console of History", WithoutMaskCommands(history.Output)),
            ("holds/staging.yaml", holds),
            ("releases/staging.yaml (the release log)", releases),
            ("GitOps history (every commit: message and files)", await _clone.GitAsync(_clone.GitOpsRemote, "log", "--all", "-p", "--format=commit %H%n%B")),
        };
        if (File.Exists(summary))
        {
            places.Add(("GITHUB_STEP_SUMMARY", await File.ReadAllTextAsync(summary, Ct)));
        }

        places.AddRange(TempFiles().Select(static f => ($".nuke/temp/{f.Relative}", f.Text)));
        foreach ((string where, string text) in places)
        {
            foreach (string sentinel in s_sentinels)
            {
                text.ShouldNotContain(sentinel, Case.Sensitive, $"{sentinel} leaked into {where}");
            }
        }

        places.Select(static p => p.Where).ShouldContain(static w => w.Contains("infra-outputs.json", StringComparison.Ordinal));
        string state = Path.Combine(_clone.Root, "infra", "platform", "terraform.tfstate.d", "staging", "terraform.tfstate");
        (await File.ReadAllTextAsync(state, Ct)).ShouldContain(TerraformVariable, Case.Sensitive, "the sensitive variable reached Terraform");
        await AssertTheChartGotTheValuesAsync();
    }

    /// <summary>Wires the sentinels into the clone: chart values from ${env:} and ${file:}, a sensitive Terraform variable; committed.</summary>
    private async Task ArrangeAsync()
    {
        string root = _clone.Root;
        await File.WriteAllTextAsync(Path.Combine(Path.GetDirectoryName(root)!, "sentinel-file.txt"), FromFile + "\n", Ct);
        string baseFile = Path.Combine(root, "environments", "base", "env.yaml");
        string text = await File.ReadAllTextAsync(baseFile, Ct);
        text = text.Replace("        grafana:\n          enabled: true\n", "        grafana:\n          enabled: true\n          adminPassword: ${env:SLIPWAY_SENTINEL_PASSWORD}\n          adminUser: admin-${file:../sentinel-file.txt}\n", StringComparison.Ordinal)
            .Replace("    dns_zone: web.local\n", "    dns_zone: web.local\n    admin_token: ${env:SLIPWAY_SENTINEL_TF}\n", StringComparison.Ordinal);
        await File.WriteAllTextAsync(baseFile, text, Ct);
        await File.WriteAllTextAsync(
            Path.Combine(root, "infra", "platform", "sentinel.tf"),
            "variable \"admin_token\" {\n  type      = string\n  sensitive = true\n}\n\nresource \"terraform_data\" \"admin\" {\n  input = var.admin_token\n}\n\noutput \"admin_token\" {\n  value     = var.admin_token\n  sensitive = true\n}\n",
            Ct);
        await _clone.GitAsync(root, "-c", "user.name=test", "-c", "user.email=test@example.test", "commit", "-qam", "sentinel secrets");
        await _clone.GitAsync(root, "add", "infra/platform/sentinel.tf");
        await _clone.GitAsync(root, "-c", "user.name=test", "-c", "user.email=test@example.test", "commit", "-qm", "sentinel variable");
    }

    private IEnumerable<(string Relative, string Text)> TempFiles()
    {
        string temp = Path.Combine(_clone.Root, ".nuke", "temp");
        foreach (string file in Directory.EnumerateFiles(temp, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(temp, file).Replace('\\', '/');
            bool terraformOwn = file.EndsWith(".tfplan", StringComparison.Ordinal) || relative.StartsWith("terraform-plugin-cache/", StringComparison.Ordinal);
            bool gitObjects = relative.Contains("/objects/", StringComparison.Ordinal); // compressed: the history is read with git log above
            if (!terraformOwn && !gitObjects)
            {
                yield return (relative, Encoding.UTF8.GetString(File.ReadAllBytes(file)));
            }
        }
    }

    private async Task AssertTheChartGotTheValuesAsync()
    {
        await using LocalClusterHandle cluster = await _clone.StartClusterAsync("staging");
        using var client = new Kubernetes(new KubernetesClientConfiguration { Host = cluster.BaseAddress.ToString() });
        V1Secret secret = await client.CoreV1.ReadNamespacedSecretAsync("kube-prometheus-stack-slipway-values", "monitoring", cancellationToken: Ct);
        JsonNode values = JsonNode.Parse(Encoding.UTF8.GetString(secret.Data["values.yaml"]))!;
        values["grafana"]!["adminPassword"]!.GetValue<string>().ShouldBe(FromEnv);
        values["grafana"]!["adminUser"]!.GetValue<string>().ShouldBe($"admin-{FromFile}");

        using var reader = new KubernetesCluster(ClusterTarget.ForUrl(cluster.BaseAddress, cluster.KubeconfigPath));
        System.Text.Json.JsonElement release = (await reader.GetCustomObjectAsync(CustomResource.HelmRelease, "monitoring", "kube-prometheus-stack", Ct)).ShouldNotBeNull();
        System.Text.Json.JsonElement reference = release.GetProperty("spec").GetProperty("valuesFrom")[0];
        reference.GetProperty("kind").GetString().ShouldBe("Secret");
        reference.GetProperty("name").GetString().ShouldBe("kube-prometheus-stack-slipway-values");
        release.GetProperty("spec").GetProperty("values").GetProperty("grafana").TryGetProperty("adminPassword", out _).ShouldBeFalse();
    }
}
