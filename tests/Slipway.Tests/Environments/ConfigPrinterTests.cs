using Slipway.Environments;
using Slipway.Environments.Yaml;
using Slipway.Tests.Support;

namespace Slipway.Tests.Environments;

public sealed class ConfigPrinterTests : IDisposable
{
    private const string Base = "cluster:\n  local: true\ngitops:\n  repository: local\n  engine: flux\napps:\n  web:\n    image: registry.local/web\n    tag: '1.0'\n";

    private readonly TempRepository _repository = new();

    public void Dispose() => _repository.Dispose();

    [Fact]
    public async Task Prints_the_merged_tree_with_the_file_and_line_of_every_value()
    {
        _repository.Write("base/env.yaml", Base).Write("site/env.yaml", "extends: [base]\ndescription: Site\napps:\n  web:\n    tag: '2.0'\n");

        string text = ConfigPrinter.Show(await EnvironmentCatalog.LoadAsync(_repository.Root, TestContext.Current.CancellationToken), "site", null);

        text.ShouldBe(
            """
            # environment: site (layers: base -> site)
            description: Site  # environments/site/env.yaml:2
            cluster:  # environments/base/env.yaml:1
              local: true  # environments/base/env.yaml:2
            gitops:  # environments/base/env.yaml:3
              repository: local  # environments/base/env.yaml:4
              engine: flux  # environments/base/env.yaml:5
            apps:  # environments/base/env.yaml:6
              web:  # environments/base/env.yaml:7
                image: registry.local/web  # environments/base/env.yaml:8
                tag: "2.0"  # environments/site/env.yaml:5

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Printed_yaml_reads_back_to_the_same_values()
    {
        string root = RepositoryPaths.Root;
        EnvironmentCatalog catalog = await EnvironmentCatalog.LoadAsync(root, TestContext.Current.CancellationToken);
        ResolvedEnvironment production = catalog.Resolve("production");

        YamlReadResult reread = YamlTreeReader.Read(ConfigPrinter.Print(production), "printed.yaml");

        reread.Diagnostics.ShouldBeEmpty();
        var printed = (ConfigMapping)reread.Root!;
        ((ConfigScalar)printed.Find("gates.windows")!.Value.ShouldBeOfType<ConfigSequence>().Items[0].ShouldBeOfType<ConfigMapping>().Get("start")!).Value.ShouldBe("08:00");
        ((ConfigScalar)printed.Find("cluster.context")!.Value).Value.ShouldBe("aks-prod");
    }

    [Fact]
    public async Task Key_prints_one_value_and_its_override_chain()
    {
        _repository.Write("base/env.yaml", Base)
            .Write("staging/env.yaml", "extends: [base]\napps:\n  web:\n    tag: staging-1\n")
            .Write("qa/env.yaml", "extends: [staging]\napps:\n  web:\n    tag: qa-7\n");

        string text = ConfigPrinter.Show(await EnvironmentCatalog.LoadAsync(_repository.Root, TestContext.Current.CancellationToken), "qa", "apps.web.tag");

        text.ShouldBe(
            """
            apps.web.tag: qa-7
            # override chain (newest first):
            #   set by     environments/qa/env.yaml:4 (qa): qa-7
            #   overrode   environments/staging/env.yaml:4 (staging): staging-1
            #   overrode   environments/base/env.yaml:9 (base): "1.0"

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Plain_text_secrets_print_as_stars_and_references_as_written()
    {
        _repository.Write("dev/env.yaml", Base + "infrastructure:\n  stack: infra\n  variables:\n    db_password: hunter2\n    api_token: ${env:API_TOKEN}\n    region: eu\n");

        string tree = ConfigPrinter.Show(await EnvironmentCatalog.LoadAsync(_repository.Root, TestContext.Current.CancellationToken), "dev", null);
        string key = ConfigPrinter.Show(await EnvironmentCatalog.LoadAsync(_repository.Root, TestContext.Current.CancellationToken), "dev", "infrastructure.variables.db_password");

        tree.ShouldNotContain("hunter2");
        tree.ShouldContain("db_password: \"***\"  # environments/dev/env.yaml:13");
        tree.ShouldContain("api_token: ${env:API_TOKEN}  # environments/dev/env.yaml:14");
        tree.ShouldContain("region: eu");
        key.ShouldNotContain("hunter2");
        key.ShouldStartWith("infrastructure.variables.db_password: \"***\"\n");
    }

    [Fact]
    public async Task Unknown_key_is_bad_input_with_a_suggestion()
    {
        _repository.Write("dev/env.yaml", Base);

        SlipwayException exception = await Should.ThrowAsync<SlipwayException>(async () =>
            ConfigPrinter.Show(await EnvironmentCatalog.LoadAsync(_repository.Root, TestContext.Current.CancellationToken), "dev", "apps.web.tg"));

        exception.Kind.ShouldBe(FailureKind.Input);
        exception.Message.ShouldContain("did you mean 'apps.web.tag'");
    }

    [Fact]
    public async Task An_environment_whose_files_are_broken_is_not_shown()
    {
        _repository.Write("dev/env.yaml", "a: [\n");

        SlipwayException exception = await Should.ThrowAsync<SlipwayException>(async () =>
            ConfigPrinter.Show(await EnvironmentCatalog.LoadAsync(_repository.Root, TestContext.Current.CancellationToken), "dev", null));

        exception.Kind.ShouldBe(FailureKind.Input);
        exception.Message.ShouldContain("environments/dev/env.yaml(2,1): error SLW0001");
    }
}
