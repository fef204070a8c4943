using Slipway.Environments;
using Slipway.Environments.Validation;
using Slipway.Tests.Support;

namespace Slipway.Tests.Environments;

public sealed class EnvironmentScaffolderTests : IDisposable
{
    private const string Staging = "# yaml-language-server: $schema=../schema.json\ncluster:\n  local: true\ngitops:\n  repository: local\n  engine: flux\ninfrastructure:\n  stack: infra/platform\napps:\n  web:\n    image: registry.local/web\n    tag: staging-123\n    replicas: 2\n";

    private readonly TempRepository _repository = new();

    public void Dispose() => _repository.Dispose();

    [Fact]
    public async Task Creates_an_environment_from_its_parent_that_validates_clean()
    {
        _repository.Write("staging/env.yaml", Staging);

        string written = await EnvironmentScaffolder.CreateAsync(await EnvironmentCatalog.LoadAsync(_repository.Root, TestContext.Current.CancellationToken), "qa", ["staging"], TestContext.Current.CancellationToken);

        written.ShouldBe("environments/qa/env.yaml");
        string text = await File.ReadAllTextAsync(Path.Combine(_repository.Root, written), TestContext.Current.CancellationToken);
        text.ShouldBe(
            """
            # yaml-language-server: $schema=../schema.json
            # Created by ./build.sh NewEnvironment. Keys below override the parents; see docs/environments.md.
            extends: [staging]
            description: qa environment (from staging)
            gitops:
              path: clusters/qa
            infrastructure:
              workspace: qa
            apps:
              web:
                tag: staging-123  # was environments/staging/env.yaml:12
                replicas: 2  # was environments/staging/env.yaml:13

            """.ReplaceLineEndings("\n"));
        ValidationResult result = EnvironmentValidator.Validate(await EnvironmentCatalog.LoadAsync(_repository.Root, TestContext.Current.CancellationToken), "qa");
        result.Diagnostics.ShouldBeEmpty();
        _repository.Files().ShouldBe(["environments/qa/env.yaml", "environments/staging/env.yaml"]);
    }

    [Fact]
    public async Task Sample_environments_scaffold_children_that_validate_clean()
    {
        using var copy = new TempRepository();
        foreach (string file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "environments"), "*", SearchOption.AllDirectories))
        {
            copy.Write(Path.GetRelativePath(Path.Combine(RepositoryPaths.Root, "environments"), file), File.ReadAllText(file));
        }

        await EnvironmentScaffolder.CreateAsync(await EnvironmentCatalog.LoadAsync(copy.Root, TestContext.Current.CancellationToken), "feature-42", ["aio"], TestContext.Current.CancellationToken);
        await EnvironmentScaffolder.CreateAsync(await EnvironmentCatalog.LoadAsync(copy.Root, TestContext.Current.CancellationToken), "qa", ["staging", "ha"], TestContext.Current.CancellationToken);

        ValidationResult result = EnvironmentValidator.Validate(await EnvironmentCatalog.LoadAsync(copy.Root, TestContext.Current.CancellationToken), null);
        result.Diagnostics.ShouldBeEmpty();
    }

    public static TheoryData<string, string[], string> BadInput => new()
    {
        { "staging", ["staging"], "environments/staging/env.yaml: environment 'staging' already exists" },
        { "QA", ["staging"], "--name: environment name 'QA' is invalid" },
        { "../qa", ["staging"], "--name: environment name '../qa' is invalid" },
        { "qa", ["stagin"], "--extends: no environment 'stagin' (did you mean 'staging'?)" },
        { "qa", [], "--extends is required" },
        { "qa", ["broken"], "environments/broken/env.yaml(2,1): error SLW0001" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Refuses_bad_input_and_writes_nothing(string name, string[] extends, string message)
    {
        _repository.Write("staging/env.yaml", Staging).Write("broken/env.yaml", "a: [\n");
        IReadOnlyList<string> before = _repository.Files();

        SlipwayException exception = await Should.ThrowAsync<SlipwayException>(async () =>
            await EnvironmentScaffolder.CreateAsync(await EnvironmentCatalog.LoadAsync(_repository.Root, TestContext.Current.CancellationToken), name, extends, TestContext.Current.CancellationToken));

        exception.Kind.ShouldBe(FailureKind.Input);
        exception.Message.ShouldContain(message);
        _repository.Files().ShouldBe(before);
    }
}
