namespace Slipway.Ci;

/// <summary>
/// Writes every pipeline into one <c>.gitlab-ci.yml</c>: a job runs when its pipeline's trigger matches (merge request,
/// push to the default branch, or a run from the web form with <c>SLIPWAY_PIPELINE=&lt;id&gt;</c>). Inputs are pipeline
/// variables and secrets masked CI/CD variables of the same <c>SLIPWAY_…</c> name, so a script holds no value.
/// </summary>
public static class GitLabCiWriter
{
    public const string PipelineVariable = "SLIPWAY_PIPELINE";

    public static CiFile Write(CiDefinition definition)
    {
        var root = new CiYamlMap
        {
            { "workflow", new CiYamlMap { { "rules", new List<object> { Rule(MergeRequest), Rule(PushToDefaultBranch), Rule(Web) } } } },
            { "stages", definition.Pipelines.Where(p => p.GitLabFollows is null).Select(p => (object)p.Id).ToList() },
            { "variables", Variables(definition) },
            { "default", Default(definition) },
        };
        foreach (CiPipeline pipeline in definition.Pipelines)
        {
            foreach (CiJob job in MatrixSplitter.SplitAll(pipeline, MatrixSplitter.GitLabLimit))
            {
                root.Add(job.Id, Job(definition, pipeline, job));
            }
        }

        return new CiFile(CiFiles.GitLabFile, CiYamlWriter.Write(root, CiFiles.Header(definition)));
    }

    /// <summary>The child pipeline of <paramref name="job"/> run over fixed matrix values (the environments a merge request touches).</summary>
    public static string WriteChild(CiDefinition definition, CiPipeline pipeline, CiJob job)
    {
        var root = new CiYamlMap
        {
            { "workflow", new CiYamlMap { { "rules", new List<object> { Rule("$CI_PIPELINE_SOURCE == \"parent_pipeline\"") } } } },
            { "stages", new List<object> { pipeline.Id } },
            { "default", Default(definition) },
        };
        if (job.Matrix is { Values.Count: 0 })
        {
            root.Add(job.Id, new CiYamlMap { { "stage", pipeline.Id }, { "script", new List<object> { "echo 'No environment is touched by this merge request: nothing to plan.'" } } });
        }
        else
        {
            root.Add(job.Id, Job(definition, pipeline, job, child: true));
        }

        return CiYamlWriter.Write(root, CiFiles.Header(definition));
    }

    private const string MergeRequest = "$CI_PIPELINE_SOURCE == \"merge_request_event\"";
    private const string PushToDefaultBranch = "$CI_PIPELINE_SOURCE == \"push\" && $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH";
    private const string Web = "$CI_PIPELINE_SOURCE == \"web\"";

    private static CiYamlMap Rule(string condition) => new() { { "if", condition } };

    private static CiYamlMap Variables(CiDefinition definition)
    {
        IEnumerable<CiPipeline> manual = definition.Pipelines.Where(p => p.Trigger == CiTrigger.Manual);
        var variables = new CiYamlMap
        {
            { "DOTNET_NOLOGO", "1" },
            { "NUGET_PACKAGES", "$CI_PROJECT_DIR/.nuget/packages" },
            {
                PipelineVariable, new CiYamlMap
                {
                    { "value", string.Empty },
                    { "description", $"A pipeline to run from the web form: {string.Join(", ", manual.Select(p => p.Id))}" },
                }
            },
        };
        foreach (CiInput input in manual.SelectMany(p => p.Inputs).DistinctBy(i => i.Variable))
        {
            variables.Add(input.Variable, new CiYamlMap { { "value", string.Empty }, { "description", $"{input.Name}: {input.Description}" } });
        }

        return variables;
    }

    private static CiYamlMap Default(CiDefinition definition)
    {
        string[] version = definition.DotNetSdkVersion.Split('.');
        return new CiYamlMap
        {
            { "image", $"mcr.microsoft.com/dotnet/sdk:{version[0]}.{(version.Length > 1 ? version[1] : "0")}" },
            {
                "cache", new CiYamlMap
                {
                    { "key", new CiYamlMap { { "files", new List<object> { "global.json", "Directory.Packages.props" } }, { "prefix", "slipway" } } },
                    { "paths", new List<object> { ".nuget/packages", "build/bin", "build/obj", ".nuke/temp/build.stamp", ".nuke/temp/build.inputs" } },
                }
            },
            { "before_script", new List<object> { CiFiles.CompileBuild } },
        };
    }

    private static CiYamlMap Job(CiDefinition definition, CiPipeline pipeline, CiJob job, bool child = false)
    {
        CiPipeline? followed = pipeline.GitLabFollows is { } id ? definition.Pipelines.Single(p => p.Id == id) : null;
        var result = new CiYamlMap
        {
            { "stage", (followed ?? pipeline).Id },
            { "rules", child ? null : Rules(pipeline, job, followed) },
            { "needs", Needs(job, followed) },
            { "environment", job.Environment is null ? null : Environment(pipeline, job, job.Environment) },
            { "resource_group", job.ConcurrencyGroup is null ? null : "deploy-" + Value(pipeline, job, job.ConcurrencyGroup) },
        };
        if (job.Matrix is { FromJob: { } from } && !child)
        {
            result.Add("trigger", new CiYamlMap
            {
                { "include", new List<object> { new CiYamlMap { { "artifact", CiFiles.ChangedPipelineFile }, { "job", from } } } },
                { "strategy", "depend" },
            });
            return result;
        }

        if (job.Matrix is { } matrix)
        {
            result.Add("parallel", new CiYamlMap { { "matrix", new List<object> { new CiYamlMap { { matrix.Variable, matrix.Values.Cast<object>().ToList() } } } } });
        }

        result.Add("variables", JobVariables(pipeline, job));
        result.Add("script", new List<object> { job.Command });
        if (job.RecordsResult && job.Matrix is { } recorded)
        {
            result.Add("after_script", new List<object> { $"mkdir -p {CiFiles.ResultsFolder} && printf '%s\\n' \"$CI_JOB_STATUS\" > \"{CiFiles.ResultsFolder}/${recorded.Variable}\"" });
        }

        if (job.OutputsEnvironments || job.RecordsResult)
        {
            result.Add("artifacts", new CiYamlMap
            {
                { "when", "always" },
                { "paths", new List<object> { job.OutputsEnvironments ? CiFiles.ChangedPipelineFile : CiFiles.ResultsFolder } },
            });
        }
        else if (job.Environment is not null && !job.StopsReview)
        {
            // the run writes slipway.env (src/Slipway/Reporting/GitLabReporter.cs) for later jobs; no environment:url from it,
            // which the published schema refuses (a URL, not a variable)
            result.Add("artifacts", new CiYamlMap { { "reports", new CiYamlMap { { "dotenv", Reporting.GitLabReporter.DotEnvFileName } } } });
        }

        return result;
    }

    private static CiYamlMap Environment(CiPipeline pipeline, CiJob job, CiValue environment) => new()
    {
        { "name", Value(pipeline, job, environment) },
        { "on_stop", job.StopJob },
        { "action", job.StopsReview ? "stop" : null },
    };

    private static List<object> Rules(CiPipeline pipeline, CiJob job, CiPipeline? followed)
    {
        var rules = new List<object>();
        CiPipeline trigger = followed ?? pipeline;
        string condition = trigger.Trigger switch
        {
            CiTrigger.PullRequest or CiTrigger.Review => MergeRequest,
            CiTrigger.Push => PushToDefaultBranch,
            _ => $"{Web} && ${PipelineVariable} == \"{trigger.Id}\"",
        };
        rules.Add(followed is null
            ? new CiYamlMap { { "if", condition }, { "when", job.Always ? "always" : job.StopsReview ? "manual" : null }, { "allow_failure", job.StopsReview ? true : null } }
            : new CiYamlMap { { "if", condition }, { "when", "manual" }, { "allow_failure", false } });
        if (followed is not null)
        {
            // the same job can also be run alone from the web form
            rules.Add(Rule($"{Web} && ${PipelineVariable} == \"{pipeline.Id}\""));
        }

        return rules;
    }

    private static List<object>? Needs(CiJob job, CiPipeline? followed)
    {
        var needs = job.Needs.Select(n => (object)n).ToList();
        if (followed is not null)
        {
            // optional: when run alone from the web form the followed jobs are not in the pipeline
            needs.AddRange(followed.Jobs.Select(j => (object)new CiYamlMap { { "job", j.Id }, { "optional", true } }));
        }

        return needs.Count > 0 ? needs : null;
    }

    private static CiYamlMap? JobVariables(CiPipeline pipeline, CiJob job)
    {
        // GitLab clones 20 commits deep by default; diffing against the base commit needs the history
        var variables = new CiYamlMap { { "GIT_DEPTH", job.FullHistory ? "0" : null } };
        foreach ((string variable, CiValue value) in job.Variables)
        {
            string text = Value(pipeline, job, value);
            if (text != "$" + variable)
            {
                variables.Add(variable, text);
            }
        }

        return variables.Count > 0 ? variables : null;
    }

    /// <summary>An input, a secret or a matrix value is the variable of that name; the base commit is GitLab's merge-request diff base.</summary>
    private static string Value(CiPipeline pipeline, CiJob job, CiValue value) => value.Kind switch
    {
        CiValueKind.Input => "$" + (pipeline.Inputs.FirstOrDefault(i => i.Name == value.Name)?.Variable
            ?? throw new InvalidOperationException($"Pipeline {pipeline.Id} has no input '{value.Name}'.")),
        CiValueKind.Matrix => "$" + (job.Matrix?.Variable ?? throw new InvalidOperationException($"Job {job.Id} has no matrix.")),
        CiValueKind.Secret => "$" + value.Name,
        CiValueKind.BaseCommit => "$CI_MERGE_REQUEST_DIFF_BASE_SHA",
        CiValueKind.ReviewEnvironment => "review/$CI_COMMIT_REF_SLUG",
        _ => value.Name,
    };
}
