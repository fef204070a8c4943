using System.Text.Json;
using Octokit;
using Slipway;
using Slipway.Ci;
using Slipway.Infrastructure;
using Slipway.Targets;

/// <summary>
/// CI: the pipelines of this repository declared in C# (Build.CiPipelines.cs, built from the target graph), GenerateCi
/// writing or checking .github/workflows/*.yml and .gitlab-ci.yml, and the targets those pipelines run (src/Slipway/Ci).
/// </summary>
internal sealed partial class Build
{
    /// <summary>The layers whose environments get a fan-out pipeline (a matrix job per environment): deploy-&lt;layer&gt;.</summary>
    private static readonly string[] s_fanOutLayers = ["site"];

    // GenerateCi --check is declared with Freeze's in Build.Freeze.cs: one --check for both.

    [Parameter("GenerateCi: also generate the fan-out pipeline of these layers (a matrix job per environment extending it); DeploySummary: the layer whose results to collect")]
    private readonly string[] _matrix = [];

    [Parameter("ChangedEnvironments: the commit to compare HEAD with (a pull request's base)")]
    private readonly string? _base;

    // CommentPlan uses --github-token (SLIPWAY_GITHUB_TOKEN), declared with the gates in Build.Gates.cs: one token for both.

    private Target GenerateCi => _ => _
        .Description("Write .github/workflows/*.yml and .gitlab-ci.yml from the pipelines declared in build/Build.CiPipelines.cs (--check: exit 2 with the diff when the committed ones differ)")
        .Executes(async ct =>
        {
            IReadOnlyList<CiFile> files = CiGenerator.Generate(await PipelinesAsync(_matrix, ct));
            if (_check)
            {
                CheckCiFiles(files);
                return;
            }

            IReadOnlyList<string> changed = await CiGenerator.WriteAsync(RootDirectory, files, ct);
            Output.Success(changed.Count == 0
                ? $"The {files.Count} CI files are up to date."
                : $"Wrote {string.Join(", ", changed)} ({files.Count} CI files). Commit them.");
        });

    private Target CheckCi => _ => _
        .Description("Validate: the committed .github/workflows/*.yml and .gitlab-ci.yml are what GenerateCi writes (exit 2 with the diff otherwise)")
        .TriggeredBy(Validate)
        .Executes(async ct => CheckCiFiles(CiGenerator.Generate(await PipelinesAsync([], ct))));

    private Target ChangedEnvironments => _ => _
        .Description("The deployable environments the changes since --base touch (through the layers they inherit); on GitHub Actions the output 'environments', on GitLab the plan child pipeline")
        .Requires(() => _base)
        .Executes(async ct =>
        {
            IReadOnlyList<string> files = await ChangedFiles.ReadAsync(_processes, RootDirectory, _base!, ct);
            IReadOnlyList<string> touched = ChangedEnvironmentMap.Map(await CatalogAsync(ct), files);
            Output.Info($"{files.Count} file(s) changed since {_base}; environments touched: {(touched.Count == 0 ? "none" : string.Join(", ", touched))}");
            if (EnvironmentVariables.TryGetValue("GITHUB_OUTPUT", out string? output))
            {
                await File.AppendAllTextAsync(output, $"environments={JsonSerializer.Serialize(touched)}\n", ct);
            }

            if (Host == HostKind.GitLab)
            {
                CiDefinition definition = await PipelinesAsync([], ct);
                CiPipeline pullRequest = definition.Pipelines.Single(p => p.Trigger == CiTrigger.PullRequest);
                CiJob plan = pullRequest.Jobs.Single(j => j.Matrix?.FromJob is not null);
                await Slipway.IO.AtomicFile.WriteAllTextAsync(
                    RootDirectory / CiFiles.ChangedPipelineFile,
                    GitLabCiWriter.WriteChild(definition, pullRequest, plan with { Matrix = plan.Matrix! with { FromJob = null, Values = touched } }),
                    ct);
            }
        });

    private Target CommentPlan => _ => _
        .Description("Post the plan summary of --env (infra-plan.md) as one pull-request comment, updated on every run (GitHub Actions, with SLIPWAY_GITHUB_TOKEN)")
        .Requires(() => _env)
        .After(PlanInfra)
        .Executes(async ct =>
        {
            string planFile = TemporaryDirectory / _env! / InfraPlanner.MarkdownFileName;
            PullRequestRef? pullRequest = PullRequestRef.FromGitHubActions(name => EnvironmentVariables.GetValueOrDefault(name));
            if (_githubToken is null || pullRequest is null)
            {
                Output.Info($"No pull-request comment: {(_githubToken is null ? "no token (SLIPWAY_GITHUB_TOKEN)" : "not a GitHub pull-request run")}.");
                return;
            }

            if (!File.Exists(planFile))
            {
                throw SlipwayException.Input($"No plan summary at {planFile}: run ./build.sh PlanInfra --env {_env} first.");
            }

            var client = new GitHubClient(new ProductHeaderValue("slipway"), new Uri(EnvironmentVariables.GetValueOrDefault("GITHUB_API_URL") ?? "https://api.github.com/"))
            {
                Credentials = new Credentials(_githubToken),
            };
            (string outcome, string url) = await new PlanComment(client).PublishAsync(pullRequest, _env!, await File.ReadAllTextAsync(planFile, ct), ct);
            Output.Success($"Plan of {_env} on {pullRequest}: comment {outcome} ({url}).");
        });

    private Target DeploySummary => _ => _
        .Description("Collect the results the fan-out jobs of --matrix LAYER recorded into one summary (the step summary on GitHub); fails when one did not succeed")
        .Requires(() => _matrix)
        .Executes(async ct =>
        {
            var catalog = await CatalogAsync(ct);
            string[] expected = [.. _matrix.SelectMany(layer => ChangedEnvironmentMap.Extending(catalog, layer))];
            FanOutSummary summary = FanOutSummary.Read(RootDirectory / CiFiles.ResultsFolder, expected);
            string markdown = summary.ToMarkdown($"Deploy of {string.Join(", ", _matrix)}");
            Output.Info(markdown);
            if (EnvironmentVariables.TryGetValue("GITHUB_STEP_SUMMARY", out string? stepSummary))
            {
                await File.AppendAllTextAsync(stepSummary, markdown, ct);
            }

            if (!summary.AllSucceeded)
            {
                throw SlipwayException.Failed($"{summary.Rows.Count - summary.Succeeded} of {summary.Rows.Count} deploys did not succeed: {string.Join("; ", summary.Failures())}");
            }

            Output.Success($"All {summary.Rows.Count} deploys of {string.Join(", ", _matrix)} succeeded.");
        });

    private void CheckCiFiles(IReadOnlyList<CiFile> files)
    {
        IReadOnlyList<(string Path, string Diff)> differences = CiGenerator.Compare(RootDirectory, files);
        if (differences.Count == 0)
        {
            Output.Success($"The {files.Count} CI files are what build/Build.CiPipelines.cs generates.");
            return;
        }

        foreach ((_, string diff) in differences)
        {
            foreach (string line in diff.TrimEnd('\n').Split('\n'))
            {
                Output.Info(line);
            }
        }

        throw SlipwayException.Input($"{string.Join(", ", differences.Select(d => d.Path))} differ{(differences.Count == 1 ? "s" : string.Empty)} from what build/Build.CiPipelines.cs generates (diff above; a generated file is not edited by hand). Run ./build.sh GenerateCi and commit the result.");
    }

    private async Task<CiDefinition> PipelinesAsync(IReadOnlyList<string> extraLayers, CancellationToken cancellationToken)
    {
        var catalog = await CatalogAsync(cancellationToken);
        var fanOut = s_fanOutLayers.Concat(extraLayers).Distinct(StringComparer.Ordinal)
            .Select(layer => (layer, ChangedEnvironmentMap.Extending(catalog, layer)))
            .ToList();
        string sdk = JsonDocument.Parse(await File.ReadAllTextAsync(RootDirectory / "global.json", cancellationToken)).RootElement.GetProperty("sdk").GetProperty("version").GetString()!;
        return Pipelines(TargetGraph.Of(this), fanOut) with { DotNetSdkVersion = sdk };
    }
}
