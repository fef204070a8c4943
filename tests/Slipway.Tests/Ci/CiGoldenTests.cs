using Slipway.Ci;
using Slipway.Tests.Support;

namespace Slipway.Tests.Ci;

/// <summary>
/// Both writers against committed golden files (tests/Slipway.Tests/Ci/golden; regenerate with SLIPWAY_UPDATE_GOLDEN=1
/// and review the diff), and every generated file against the platform's published JSON schema.
/// </summary>
public sealed class CiGoldenTests
{
    private static string GoldenFolder => Path.Combine(RepositoryPaths.Root, "tests", "Slipway.Tests", "Ci", "golden");

    [Fact]
    public void Both_writers_write_the_golden_files()
    {
        IReadOnlyList<CiFile> files = CiGenerator.Generate(CiTestDefinition.Create(new CiTestBuild(), ["site-a", "site-b", "site-c"]));
        bool update = Environment.GetEnvironmentVariable("SLIPWAY_UPDATE_GOLDEN") == "1";
        var mismatches = new List<string>();
        foreach (CiFile file in files)
        {
            string golden = Path.Combine(GoldenFolder, file.Path.Replace('/', '_').TrimStart('.'));
            if (update)
            {
                File.WriteAllText(golden, file.Content);
            }

            string? expected = File.Exists(golden) ? File.ReadAllText(golden) : null;
            if (expected != file.Content)
            {
                mismatches.Add(UnifiedDiff.Of(file.Path, expected, file.Content));
            }
        }

        files.Select(f => f.Path).ShouldBe(
        [
            ".github/workflows/pull-request.yml", ".github/workflows/review.yml", ".github/workflows/deploy-staging.yml", ".github/workflows/deploy-production.yml",
            ".github/workflows/rollback.yml", ".github/workflows/emergency-stop.yml", ".github/workflows/deploy-site.yml", ".gitlab-ci.yml",
        ]);
        mismatches.ShouldBeEmpty(string.Join("\n", mismatches));
    }

    [Fact]
    public void Generating_twice_gives_the_same_bytes()
    {
        IReadOnlyList<CiFile> first = CiGenerator.Generate(CiTestDefinition.Create(new CiTestBuild(), ["site-a"]));
        IReadOnlyList<CiFile> second = CiGenerator.Generate(CiTestDefinition.Create(new CiTestBuild(), ["site-a"]));

        second.ShouldBe(first);
    }

    [Fact]
    public async Task Every_generated_file_is_valid_against_its_published_schema()
    {
        CiDefinition definition = CiTestDefinition.Create(new CiTestBuild(), ["site-a", "site-b"]);
        foreach (CiFile file in CiGenerator.Generate(definition))
        {
            IReadOnlyList<string> errors = await CiSchemas.ValidateAsync(file.Path.EndsWith(".gitlab-ci.yml", StringComparison.Ordinal) ? CiSchemas.GitLabCi : CiSchemas.GitHubWorkflow, file.Content);
            errors.ShouldBeEmpty($"{file.Path}:\n{string.Join("\n", errors)}\n{file.Content}");
        }

        CiPipeline pullRequest = definition.Pipelines[0];
        CiJob plan = pullRequest.Jobs[1];
        foreach (string[] touched in new[] { new[] { "dev", "staging" }, [] })
        {
            string child = GitLabCiWriter.WriteChild(definition, pullRequest, plan with { Matrix = plan.Matrix! with { FromJob = null, Values = touched } });
            (await CiSchemas.ValidateAsync(CiSchemas.GitLabCi, child)).ShouldBeEmpty(child);
        }
    }

    [Fact]
    public async Task The_committed_files_of_this_repository_are_valid_against_the_published_schemas()
    {
        string[] workflows = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, ".github", "workflows"), "*.yml");
        workflows.Length.ShouldBeGreaterThanOrEqualTo(6);
        foreach (string workflow in workflows)
        {
            (await CiSchemas.ValidateAsync(CiSchemas.GitHubWorkflow, await File.ReadAllTextAsync(workflow, TestContext.Current.CancellationToken))).ShouldBeEmpty(workflow);
        }

        (await CiSchemas.ValidateAsync(CiSchemas.GitLabCi, await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, ".gitlab-ci.yml"), TestContext.Current.CancellationToken))).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("github", "name: x\non:\n  push: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz:\n      - run: echo\n")]
    [InlineData("github", "name: x\non:\n  workflow_dispatch: {}\npermissions:\n  contents: maybe\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n")]
    [InlineData("gitlab", "job:\n  script:\n    - echo\n  when: sometimes\n")]
    [InlineData("gitlab", "job:\n  script:\n    - echo\n  parallel:\n    matrix: 3\n")]
    public async Task The_schemas_refuse_a_file_with_a_wrong_key_or_value(string platform, string yaml)
    {
        IReadOnlyList<string> errors = await CiSchemas.ValidateAsync(platform == "github" ? CiSchemas.GitHubWorkflow : CiSchemas.GitLabCi, yaml);

        errors.ShouldNotBeEmpty();
    }
}
