using System.Text.Json.Nodes;
using Slipway.GitOps;
using Slipway.GitOps.Manifests;
using Slipway.GitOps.Yaml;
using YamlDotNet.RepresentationModel;

namespace Slipway.Tests.GitOps.Manifests;

public sealed class ManifestRendererTests
{
    private static readonly GitOpsEnvironment s_flux = new("staging", GitOpsEngine.Flux, "/tmp/remote.git", "main");
    private static readonly GitOpsEnvironment s_argo = s_flux with { Engine = GitOpsEngine.ArgoCd };
    private static readonly AppRelease s_web = new("web", "ghcr.io/acme/web", "staging-122", 2, "web");

    private static PlatformRelease Ingress(string version = "4.11.2") => new(
        "ingress-nginx",
        "ingress-nginx",
        "https://kubernetes.github.io/ingress-nginx",
        version,
        "ingress-nginx",
        JsonNode.Parse("""{"controller":{"replicaCount":1,"service":{"type":"NodePort"},"extraArgs":["--a","--b"]},"enabled":true,"version":"1.10"}""")!.AsObject());

    public static TheoryData<string> Engines => new() { "Flux", "ArgoCd" };

    [Theory]
    [MemberData(nameof(Engines))]
    public void RenderApp_FreshFileIsValidYamlWithTheValues(string engine)
    {
        GitOpsEnvironment environment = engine == "Flux" ? s_flux : s_argo;

        string text = ManifestRenderer.RenderApp(environment, s_web, existing: null);

        Documents(text).ShouldBe(engine == "Flux" ? ["Namespace", "HelmRelease"] : ["Application"]);
        text.ShouldStartWith("# The app \"web\" in environment \"staging\"");
        AppManifestReader.Read(text, environment.Engine).ShouldBe(new AppManifestVersion("ghcr.io/acme/web", "staging-122", 2));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void RenderApp_ReRenderIsStable(string engine)
    {
        GitOpsEnvironment environment = engine == "Flux" ? s_flux : s_argo;
        string text = ManifestRenderer.RenderApp(environment, s_web, existing: null);

        ManifestRenderer.RenderApp(environment, s_web, text).ShouldBe(text);
    }

    [Fact]
    public void RenderApp_ExistingFileKeepsUserEditsAndChangesOnlyTagAndReplicas()
    {
        string fresh = ManifestRenderer.RenderApp(s_flux, s_web, existing: null);
        string edited = fresh.Replace("  interval: 5m\n", "  interval: 5m   # tuned by hand\n\n  # keep me\n", StringComparison.Ordinal)
            .Replace("tag: staging-122", "tag: \"staging-122\" # set by Slipway", StringComparison.Ordinal);

        string result = ManifestRenderer.RenderApp(s_flux, s_web with { Tag = "staging-123", Replicas = 3 }, edited);

        result.ShouldBe(edited.Replace("\"staging-122\"", "\"staging-123\"", StringComparison.Ordinal).Replace("replicaCount: 2", "replicaCount: 3", StringComparison.Ordinal));
    }

    [Fact]
    public void RenderApp_ArgoParametersAreStrings()
    {
        string text = ManifestRenderer.RenderApp(s_argo, s_web with { Tag = "1.10" }, existing: null);

        text.ShouldContain("value: \"1.10\"");
        text.ShouldContain("value: \"2\"");
        YamlScalarEditor.GetScalar(text, "spec.source.helm.parameters[name=image.tag].value").ShouldBe("1.10");
        YamlScalarEditor.GetScalar(text, "spec.syncPolicy.automated.prune").ShouldBe("true");
        YamlScalarEditor.GetScalar(text, "spec.destination.namespace").ShouldBe("web");
    }

    [Fact]
    public void RenderApp_WithAChartRepositoryAddsAHelmRepository()
    {
        AppRelease app = s_web with { Chart = new AppChart("web", "oci://ghcr.io/acme/charts", "1.2.0") };

        string flux = ManifestRenderer.RenderApp(s_flux, app, existing: null);
        string argo = ManifestRenderer.RenderApp(s_argo, app, existing: null);

        Documents(flux).ShouldBe(["Namespace", "HelmRepository", "HelmRelease"]);
        YamlScalarEditor.GetScalar(flux, "spec.type", "HelmRepository").ShouldBe("oci");
        YamlScalarEditor.GetScalar(flux, "spec.chart.spec.version", "HelmRelease").ShouldBe("1.2.0");
        YamlScalarEditor.GetScalar(argo, "spec.source.chart").ShouldBe("web");
        YamlScalarEditor.GetScalar(argo, "spec.source.targetRevision").ShouldBe("1.2.0");
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void RenderPlatform_FreshFileHoldsChartVersionAndValues(string engine)
    {
        GitOpsEnvironment environment = engine == "Flux" ? s_flux : s_argo;

        string text = ManifestRenderer.RenderPlatform(environment, Ingress(), existing: null);

        string kind = engine == "Flux" ? "HelmRelease" : "Application";
        string values = engine == "Flux" ? "spec.values" : "spec.source.helm.valuesObject";
        Documents(text).ShouldBe(engine == "Flux" ? ["Namespace", "HelmRepository", "HelmRelease"] : ["Application"]);
        YamlScalarEditor.GetScalar(text, $"{values}.controller.service.type", kind).ShouldBe("NodePort");
        YamlScalarEditor.GetScalar(text, $"{values}.version", kind).ShouldBe("1.10");
        text.ShouldContain("version: \"1.10\"");
        text.ShouldContain("- --a");
        PlatformManifestReader.ReadVersion(text).ShouldBe("4.11.2");
        ManifestRenderer.RenderPlatform(environment, Ingress(), text).ShouldBe(text);
    }

    [Fact]
    public void RenderPlatform_ExistingFileGetsTheNewVersionAndValuesOnly()
    {
        string fresh = ManifestRenderer.RenderPlatform(s_flux, Ingress(), existing: null);
        string edited = fresh + "# my trailing note\n";
        PlatformRelease next = Ingress("4.11.3");
        next.Values!["controller"]!["replicaCount"] = 2;

        string result = ManifestRenderer.RenderPlatform(s_flux, next, edited);

        result.ShouldBe(edited.Replace("version: 4.11.2", "version: 4.11.3", StringComparison.Ordinal).Replace("replicaCount: 1", "replicaCount: 2", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void RenderBootstrap_PointsAtTheSourceAndTheEnvironmentFolder(string engine)
    {
        GitOpsEnvironment environment = engine == "Flux" ? s_flux : s_argo;

        string text = ManifestRenderer.RenderBootstrap(environment, existing: null);

        if (engine == "Flux")
        {
            Documents(text).ShouldBe(["GitRepository", "Kustomization"]);
            YamlScalarEditor.GetScalar(text, "spec.url", "GitRepository").ShouldBe("/tmp/remote.git");
            YamlScalarEditor.GetScalar(text, "metadata.name", "GitRepository").ShouldBe("slipway-gitops");
            YamlScalarEditor.GetScalar(text, "spec.path", "Kustomization").ShouldBe("./clusters/staging");
            YamlScalarEditor.GetScalar(text, "spec.prune", "Kustomization").ShouldBe("true");
            YamlScalarEditor.GetScalar(text, "metadata.name", "Kustomization").ShouldBe("staging");
        }
        else
        {
            Documents(text).ShouldBe(["Application", "Application"]);
            YamlScalarEditor.GetScalar(text, "spec.source.path", "Application").ShouldBe("clusters/staging/apps");
        }

        ManifestRenderer.RenderBootstrap(environment, text).ShouldBe(text);
        ManifestRenderer.RenderBootstrap(environment with { SourceUrl = "/other.git" }, text).ShouldBe(text.Replace("/tmp/remote.git", "/other.git", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void RenderApp_ADigestPinIsWrittenFreshOrIntoAnExistingFileAndEmptiedWhenGone(string engine)
    {
        GitOpsEnvironment environment = engine == "Flux" ? s_flux : s_argo;
        string digest = "sha256:" + new string('a', 64);
        AppRelease pinned = s_web with { Digest = digest };
        string plain = ManifestRenderer.RenderApp(environment, s_web, existing: null);

        string fresh = ManifestRenderer.RenderApp(environment, pinned, existing: null);
        string edited = ManifestRenderer.RenderApp(environment, pinned, plain);

        Documents(fresh).Length.ShouldBe(engine == "Flux" ? 2 : 1);
        fresh.ShouldContain(digest);
        edited.ShouldContain(digest);
        ManifestRenderer.RenderApp(environment, pinned, fresh).ShouldBe(fresh);
        ManifestRenderer.RenderApp(environment, s_web, plain).ShouldBe(plain);
        ManifestRenderer.RenderApp(environment, s_web, fresh).ShouldNotContain(digest);
        AppManifestReader.Read(fresh, environment.Engine).ShouldBe(new AppManifestVersion("ghcr.io/acme/web", "staging-122", 2));
    }

    private static string[] Documents(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Select(d => ((YamlScalarNode)((YamlMappingNode)d.RootNode)["kind"]).Value!).ToArray();
    }
}
