using Slipway.Environments;
using Slipway.Environments.Yaml;

namespace Slipway.Tests.Environments;

public sealed class EnvironmentCatalogTests : IDisposable
{
    private readonly TempRepository _repository = new();

    public void Dispose() => _repository.Dispose();

    private async Task<ResolvedEnvironment> ResolveAsync(string name)
    {
        EnvironmentCatalog catalog = await EnvironmentCatalog.LoadAsync(_repository.Root, TestContext.Current.CancellationToken);
        return catalog.Resolve(name);
    }

    private static string Value(ResolvedEnvironment environment, string path) => ((ConfigScalar)environment.Find(path)!.Value).Value;

    [Fact]
    public async Task Maps_merge_key_by_key_and_scalars_are_replaced()
    {
        _repository
            .Write("base/env.yaml", "apps:\n  web:\n    image: registry.local/web\n    tag: '1.0'\n")
            .Write("dev/env.yaml", "extends: [base]\napps:\n  web:\n    tag: '2.0'\n");

        ResolvedEnvironment dev = await ResolveAsync("dev");

        dev.Diagnostics.ShouldBeEmpty();
        Value(dev, "apps.web.image").ShouldBe("registry.local/web");
        Value(dev, "apps.web.tag").ShouldBe("2.0");
        dev.Root.ContainsKey("extends").ShouldBeFalse();
    }

    [Fact]
    public async Task Lists_are_replaced_not_merged()
    {
        _repository
            .Write("base/env.yaml", "gates:\n  branches: [main, develop]\n")
            .Write("dev/env.yaml", "extends: [base]\ngates:\n  branches: [feature]\n");

        ResolvedEnvironment dev = await ResolveAsync("dev");

        ((ConfigSequence)dev.Find("gates.branches")!.Value).Items.Select(i => i.ToString()).ShouldBe(["feature"]);
    }

    [Fact]
    public async Task Append_tag_extends_the_inherited_list()
    {
        _repository
            .Write("base/env.yaml", "gates:\n  branches: [main]\n")
            .Write("staging/env.yaml", "extends: [base]\ngates:\n  branches: !append ['release/*']\n");

        ResolvedEnvironment staging = await ResolveAsync("staging");

        var branches = (ConfigSequence)staging.Find("gates.branches")!.Value;
        branches.Items.Select(i => i.ToString()).ShouldBe(["main", "release/*"]);
        branches.Items[0].Location.File.ShouldBe("environments/base/env.yaml");
        branches.Items[1].Location.File.ShouldBe("environments/staging/env.yaml");
    }

    [Fact]
    public async Task Append_without_an_inherited_list_warns_and_uses_the_list()
    {
        _repository.Write("dev/env.yaml", "gates:\n  branches: !append [main]\n");

        ResolvedEnvironment dev = await ResolveAsync("dev");

        dev.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe(EnvironmentDiagnosticCodes.AppendWithoutInheritedList);
        ((ConfigSequence)dev.Find("gates.branches")!.Value).Items.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Null_removes_an_inherited_key_and_a_whole_subtree()
    {
        _repository
            .Write("base/env.yaml", "cluster:\n  local: true\nplatform:\n  releases:\n    a: { chart: a }\n    b: { chart: b }\n")
            .Write("prod/env.yaml", "extends: [base]\ncluster:\n  local: null\n  kubeconfig: ~/.kube/config\nplatform:\n  releases:\n    b: ~\n");

        ResolvedEnvironment prod = await ResolveAsync("prod");

        prod.Find("cluster.local").ShouldBeNull();
        Value(prod, "cluster.kubeconfig").ShouldBe("~/.kube/config");
        prod.Find("platform.releases.a").ShouldNotBeNull();
        prod.Find("platform.releases.b").ShouldBeNull();
    }

    [Fact]
    public async Task Later_parents_win_over_earlier_ones_and_the_file_wins_over_all()
    {
        _repository
            .Write("base/env.yaml", "description: base\ngitops:\n  branch: base\n  path: base\n  engine: flux\n")
            .Write("site/env.yaml", "extends: [base]\ngitops:\n  branch: site\n  path: site\n")
            .Write("ha/env.yaml", "extends: [base]\ngitops:\n  branch: ha\n")
            .Write("site-ha/env.yaml", "extends: [site, ha]\ndescription: site-ha\n");

        ResolvedEnvironment siteHa = await ResolveAsync("site-ha");

        siteHa.Layers.ShouldBe(["base", "site", "ha", "site-ha"]);
        Value(siteHa, "gitops.branch").ShouldBe("ha");
        Value(siteHa, "gitops.path").ShouldBe("site");
        Value(siteHa, "gitops.engine").ShouldBe("flux");
        Value(siteHa, "description").ShouldBe("site-ha");
    }

    [Fact]
    public async Task Provenance_names_the_file_line_and_the_chain_it_overrode()
    {
        _repository
            .Write("base/env.yaml", "# comment\napps:\n  web:\n    image: registry.local/web\n    tag: '1.0'\n")
            .Write("staging/env.yaml", "extends: [base]\napps:\n  web:\n    tag: '1.1'\n")
            .Write("qa/env.yaml", "extends: [staging]\n\napps:\n  web:\n    tag: '1.2'\n");

        ResolvedEnvironment qa = await ResolveAsync("qa");

        ConfigEntry tag = qa.Find("apps.web.tag")!;
        tag.Chain().Select(e => $"{e.KeyLocation.File}({e.KeyLocation.Line},{e.KeyLocation.Column})={e.Value}").ShouldBe(
        [
            "environments/qa/env.yaml(5,5)=1.2",
            "environments/staging/env.yaml(4,5)=1.1",
            "environments/base/env.yaml(5,5)=1.0",
        ]);
        qa.Find("apps.web.image")!.KeyLocation.ShouldBe(new SourceLocation("environments/base/env.yaml", 4, 5));
    }

    [Fact]
    public async Task Values_files_merge_after_env_yaml_in_name_order()
    {
        _repository
            .Write("dev/env.yaml", "apps:\n  web:\n    tag: a\n    replicas: 1\n")
            .Write("dev/values/20-tag.yaml", "apps:\n  web:\n    tag: c\n")
            .Write("dev/values/10-tag.yaml", "apps:\n  web:\n    tag: b\n    replicas: 2\n");

        ResolvedEnvironment dev = await ResolveAsync("dev");

        Value(dev, "apps.web.tag").ShouldBe("c");
        Value(dev, "apps.web.replicas").ShouldBe("2");
        dev.Find("apps.web.tag")!.Chain().Select(e => e.KeyLocation.File).ShouldBe(
            ["environments/dev/values/20-tag.yaml", "environments/dev/values/10-tag.yaml", "environments/dev/env.yaml"]);
    }

    [Fact]
    public async Task A_layer_reached_twice_is_applied_once_and_files_are_not_changed_by_merging()
    {
        _repository
            .Write("base/env.yaml", "apps:\n  web:\n    tag: base\n")
            .Write("a/env.yaml", "extends: [base]\napps:\n  web:\n    tag: a\n")
            .Write("b/env.yaml", "extends: [base]\n")
            .Write("ab/env.yaml", "extends: [a, b]\n");
        EnvironmentCatalog catalog = await EnvironmentCatalog.LoadAsync(_repository.Root, TestContext.Current.CancellationToken);

        ResolvedEnvironment ab = catalog.Resolve("ab");
        ResolvedEnvironment b = catalog.Resolve("b");

        ab.Layers.ShouldBe(["base", "a", "b", "ab"]);
        Value(ab, "apps.web.tag").ShouldBe("a");
        Value(b, "apps.web.tag").ShouldBe("base");
    }

    [Fact]
    public async Task Unknown_environment_is_bad_input_with_a_suggestion()
    {
        _repository.Write("staging/env.yaml", "description: s\n");
        EnvironmentCatalog catalog = await EnvironmentCatalog.LoadAsync(_repository.Root, TestContext.Current.CancellationToken);

        SlipwayException exception = Should.Throw<SlipwayException>(() => catalog.Resolve("stagin"));

        exception.Kind.ShouldBe(FailureKind.Input);
        exception.Message.ShouldContain("did you mean 'staging'");
    }

    [Theory]
    [InlineData("../etc")]
    [InlineData("Prod")]
    [InlineData("a/b")]
    [InlineData("-x")]
    public async Task Environment_names_outside_a_z_0_9_dash_are_refused(string name)
    {
        _repository.Write("staging/env.yaml", "description: s\n");
        EnvironmentCatalog catalog = await EnvironmentCatalog.LoadAsync(_repository.Root, TestContext.Current.CancellationToken);

        SlipwayException exception = Should.Throw<SlipwayException>(() => catalog.Resolve(name));

        exception.Kind.ShouldBe(FailureKind.Input);
        exception.Message.ShouldContain("a-z, 0-9");
    }
}
