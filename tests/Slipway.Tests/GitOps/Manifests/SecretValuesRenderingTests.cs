using System.Text.Json.Nodes;
using Slipway.GitOps;
using Slipway.GitOps.Manifests;
using Slipway.GitOps.Yaml;

namespace Slipway.Tests.GitOps.Manifests;

/// <summary>Chart values that hold a secret reference stay out of the GitOps repository: the HelmRelease reads them from a Secret.</summary>
public sealed class SecretValuesRenderingTests
{
    private static readonly GitOpsEnvironment s_flux = new("staging", GitOpsEngine.Flux, "/tmp/remote.git", "main");

    private static readonly JsonObject s_values = JsonNode.Parse("""
        {"grafana":{"enabled":true,"adminPassword":"${env:GRAFANA_ADMIN_PASSWORD}"},
         "alertmanager":{"config":{"url":"https://hooks/${file:secrets/hook}"}},
         "extraArgs":["--a","--token=${env:TOKEN}"],"retention":"7d"}
        """)!.AsObject();

    [Fact]
    public void Split_moves_every_entry_that_holds_a_reference_and_keeps_the_rest()
    {
        (JsonObject? plain, JsonObject? references, IReadOnlyList<YamlPath> paths) = ChartValueSecrets.Split(s_values, IsReference);

        plain!.ToJsonString().ShouldBe("""{"grafana":{"enabled":true},"retention":"7d"}""");
        references!.ToJsonString().ShouldBe("""{"grafana":{"adminPassword":"${env:GRAFANA_ADMIN_PASSWORD}"},"alertmanager":{"config":{"url":"https://hooks/${file:secrets/hook}"}},"extraArgs":["--a","--token=${env:TOKEN}"]}""");
        paths.Select(static p => p.ToString()).ShouldBe(["grafana.adminPassword", "alertmanager.config.url", "extraArgs"]);
        ChartValueSecrets.Resolve(references, static (text, path) => $"[{path}]").ToJsonString()
            .ShouldBe("""{"grafana":{"adminPassword":"[grafana.adminPassword]"},"alertmanager":{"config":{"url":"[alertmanager.config.url]"}},"extraArgs":["[extraArgs[0]]","[extraArgs[1]]"]}""");
    }

    [Fact]
    public void A_fresh_HelmRelease_reads_the_Secret_with_valuesFrom_and_holds_no_reference()
    {
        string text = ManifestRenderer.RenderPlatform(s_flux, Release(), existing: null);

        text.ShouldNotContain("${");
        text.ShouldNotContain("adminPassword");
        YamlScalarEditor.GetScalar(text, "spec.values.grafana.enabled", "HelmRelease").ShouldBe("true");
        YamlScalarEditor.GetScalar(text, "spec.valuesFrom[name=monitoring-slipway-values].valuesKey", "HelmRelease").ShouldBe("values.yaml");
        YamlScalarEditor.GetScalar(text, "spec.valuesFrom[name=monitoring-slipway-values].kind", "HelmRelease").ShouldBe("Secret");
        ManifestRenderer.RenderPlatform(s_flux, Release(), text).ShouldBe(text);
    }

    [Fact]
    public void An_existing_file_that_holds_the_literal_reference_loses_it_and_gains_valuesFrom_keeping_other_lines()
    {
        PlatformRelease before = new("monitoring", "kube-prometheus-stack", "https://charts", "65.1.1", "monitoring", s_values.DeepClone().AsObject());
        string old = ManifestRenderer.RenderPlatform(s_flux, before, existing: null) + "# kept\n";
        old.ShouldContain("${env:GRAFANA_ADMIN_PASSWORD}");

        string result = ManifestRenderer.RenderPlatform(s_flux, Release(), old);

        result.ShouldNotContain("${");
        result.ShouldContain("# kept\n");
        YamlScalarEditor.GetScalar(result, "spec.values.grafana.enabled", "HelmRelease").ShouldBe("true");
        YamlScalarEditor.GetScalar(result, "spec.values.retention", "HelmRelease").ShouldBe("7d");
        YamlScalarEditor.GetScalar(result, "spec.valuesFrom[name=monitoring-slipway-values].valuesKey", "HelmRelease").ShouldBe("values.yaml");
        ManifestDocuments.Parse(result, "monitoring.yaml").Single(d => d["kind"]!.GetValue<string>() == "HelmRelease")["spec"]!["values"]!.ToJsonString()
            .ShouldBe("""{"grafana":{"enabled":true},"retention":"7d"}""");
        ManifestRenderer.RenderPlatform(s_flux, Release(), result).ShouldBe(result);
    }

    [Fact]
    public void A_release_without_secret_values_any_more_drops_its_valuesFrom_entry()
    {
        string withSecret = ManifestRenderer.RenderPlatform(s_flux, Release(), existing: null);
        PlatformRelease plain = Release() with { ValuesSecret = null, SecretPaths = [] };

        string result = ManifestRenderer.RenderPlatform(s_flux, plain, withSecret);

        result.ShouldNotContain("valuesFrom");
        result.ShouldNotContain("monitoring-slipway-values");
    }

    [Fact]
    public void Argo_CD_refuses_secret_values_naming_the_key()
    {
        GitOpsEnvironment argo = s_flux with { Engine = GitOpsEngine.ArgoCd };

        SlipwayException refused = Should.Throw<SlipwayException>(() => ManifestRenderer.RenderPlatform(argo, Release(), existing: null));

        refused.Message.ShouldContain("grafana.adminPassword");
        refused.Message.ShouldContain("docs/secrets.md");
    }

    private static bool IsReference(string text) => text.Contains("${", StringComparison.Ordinal);

    private static PlatformRelease Release()
    {
        (JsonObject? plain, _, IReadOnlyList<YamlPath> paths) = ChartValueSecrets.Split(s_values, IsReference);
        return new PlatformRelease("monitoring", "kube-prometheus-stack", "https://charts", "65.1.1", "monitoring", plain)
        {
            ValuesSecret = ChartValueSecrets.SecretName("monitoring"),
            SecretPaths = paths,
        };
    }
}
