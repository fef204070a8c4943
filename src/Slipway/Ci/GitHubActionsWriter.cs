namespace Slipway.Ci;

/// <summary>
/// Writes each pipeline as <c>.github/workflows/&lt;id&gt;.yml</c>. Inputs, secrets and matrix values reach the build only
/// through a step's <c>env:</c> (<c>SLIPWAY_ENV: ${{ inputs.environment }}</c>); a <c>run:</c> line never holds an expression.
/// </summary>
public static class GitHubActionsWriter
{
    private const string Runner = "ubuntu-latest";

    public static IReadOnlyList<CiFile> Write(CiDefinition definition)
        => [.. definition.Pipelines.Select(p => new CiFile($"{CiFiles.GitHubWorkflowsFolder}/{p.Id}.yml", CiYamlWriter.Write(Workflow(definition, p), CiFiles.Header(definition))))];

    private static CiYamlMap Workflow(CiDefinition definition, CiPipeline pipeline)
    {
        var permissions = new CiYamlMap();
        foreach ((string scope, string access) in pipeline.Permissions)
        {
            permissions.Add(scope, access);
        }

        var jobs = new CiYamlMap();
        foreach (CiJob job in MatrixSplitter.SplitAll(pipeline, MatrixSplitter.GitHubLimit))
        {
            jobs.Add(job.Id, Job(pipeline, job));
        }

        return new CiYamlMap
        {
            { "name", pipeline.Name },
            { "on", Trigger(definition, pipeline) },
            { "permissions", permissions },
            { "env", new CiYamlMap { { "DOTNET_NOLOGO", "1" }, { "NUGET_PACKAGES", "${{ github.workspace }}/.nuget/packages" } } },
            { "jobs", jobs },
        };
    }

    private static CiYamlMap Trigger(CiDefinition definition, CiPipeline pipeline)
    {
        object branches = new List<object> { definition.DefaultBranch };
        return pipeline.Trigger switch
        {
            CiTrigger.PullRequest => new CiYamlMap { { "pull_request", new CiYamlMap { { "branches", branches } } } },
            CiTrigger.Push => new CiYamlMap { { "push", new CiYamlMap { { "branches", branches } } } },
            CiTrigger.Review => new CiYamlMap
            {
                { "pull_request", new CiYamlMap { { "types", new List<object> { "opened", "synchronize", "reopened", "closed" } }, { "branches", branches } } },
            },
            _ => new CiYamlMap { { "workflow_dispatch", Inputs(pipeline.Inputs) } },
        };
    }

    private static CiYamlMap Inputs(IReadOnlyList<CiInput> inputs)
    {
        var result = new CiYamlMap();
        foreach (CiInput input in inputs)
        {
            result.Add(input.Name, new CiYamlMap
            {
                { "description", input.Description },
                { "required", input.Required },
                { "type", input.Options.Count > 0 ? "choice" : "string" },
                { "options", input.Options.Count > 0 ? input.Options.Cast<object>().ToList() : null },
            });
        }

        return new CiYamlMap { { "inputs", result.Count > 0 ? result : null } };
    }

    private static CiYamlMap Job(CiPipeline pipeline, CiJob job)
    {
        var result = new CiYamlMap
        {
            { "name", job.Matrix is null ? job.Name : $"{job.Name} (${{{{ matrix.{job.Matrix.Key} }}}})" },
            { "runs-on", Runner },
            { "needs", job.Needs.Count > 0 ? job.Needs.Cast<object>().ToList() : null },
            { "if", Condition(pipeline, job) },
            { "environment", job.Environment is null ? null : Expression(pipeline, job.Environment) },
            { "concurrency", job.ConcurrencyGroup is null ? null : new CiYamlMap { { "group", "deploy-" + Expression(pipeline, job.ConcurrencyGroup) }, { "cancel-in-progress", false } } },
            { "strategy", job.Matrix is null ? null : Strategy(job.Matrix) },
            { "outputs", job.OutputsEnvironments ? new CiYamlMap { { "environments", "${{ steps.run.outputs.environments }}" } } : null },
            { "steps", Steps(pipeline, job) },
        };
        return result;
    }

    private static string? Condition(CiPipeline pipeline, CiJob job)
        => job.Always ? "${{ always() }}"
            : pipeline.Trigger == CiTrigger.Review ? $"${{{{ github.event.action {(job.StopsReview ? "==" : "!=")} 'closed' }}}}"
            : job.Matrix?.FromJob is { } from ? $"${{{{ needs.{from}.outputs.environments != '[]' }}}}"
            : null;

    private static CiYamlMap Strategy(CiMatrix matrix)
    {
        object values = matrix.FromJob is { } from
            ? $"${{{{ fromJSON(needs.{from}.outputs.environments) }}}}"
            : matrix.Values.Cast<object>().ToList();
        return new CiYamlMap
        {
            { "fail-fast", false },
            { "max-parallel", matrix.MaxParallel },
            { "matrix", new CiYamlMap { { matrix.Key, values } } },
        };
    }

    private static List<object> Steps(CiPipeline pipeline, CiJob job)
    {
        var steps = new List<object>
        {
            new CiYamlMap { { "uses", "actions/checkout@v4" }, { "with", job.FullHistory ? new CiYamlMap { { "fetch-depth", 0 } } : null } },
            new CiYamlMap { { "uses", "actions/setup-dotnet@v4" }, { "with", new CiYamlMap { { "global-json-file", "global.json" } } } },
            new CiYamlMap
            {
                { "name", "Cache NuGet packages and the compiled build" },
                { "uses", "actions/cache@v4" },
                {
                    "with", new CiYamlMap
                    {
                        { "path", ".nuget/packages\nbuild/bin\nbuild/obj\n.nuke/temp/build.stamp\n.nuke/temp/build.inputs\n" },
                        { "key", "slipway-${{ runner.os }}-${{ hashFiles('global.json', 'Directory.Packages.props', 'build/**', 'src/**') }}" },
                        { "restore-keys", "slipway-${{ runner.os }}-" },
                    }
                },
            },
            new CiYamlMap { { "name", "Compile the build (reused when its inputs are unchanged)" }, { "run", CiFiles.CompileBuild } },
        };
        if (job.Always)
        {
            steps.Add(new CiYamlMap
            {
                { "uses", "actions/download-artifact@v4" },
                { "with", new CiYamlMap { { "pattern", "result-*" }, { "merge-multiple", true }, { "path", CiFiles.ResultsFolder } } },
            });
        }

        steps.Add(new CiYamlMap
        {
            { "name", string.Join(" → ", job.Plan) },
            { "id", "run" },
            { "run", job.Command },
            { "env", Variables(pipeline, job) },
        });
        if (job.RecordsResult && job.Matrix is { } matrix)
        {
            steps.Add(new CiYamlMap
            {
                { "name", "Record the result for the summary" },
                { "if", "${{ always() }}" },
                { "run", $"mkdir -p {CiFiles.ResultsFolder} && printf '%s\\n' \"$JOB_STATUS\" > \"{CiFiles.ResultsFolder}/${matrix.Variable}\"" },
                { "env", new CiYamlMap { { "JOB_STATUS", "${{ job.status }}" }, { matrix.Variable, $"${{{{ matrix.{matrix.Key} }}}}" } } },
            });
            steps.Add(new CiYamlMap
            {
                { "uses", "actions/upload-artifact@v4" },
                { "if", "${{ always() }}" },
                { "with", new CiYamlMap { { "name", $"result-${{{{ matrix.{matrix.Key} }}}}" }, { "path", CiFiles.ResultsFolder } } },
            });
        }

        return steps;
    }

    private static CiYamlMap? Variables(CiPipeline pipeline, CiJob job)
    {
        var env = new CiYamlMap();
        foreach ((string variable, CiValue value) in job.Variables)
        {
            env.Add(variable, Expression(pipeline, value));
        }

        return env.Count > 0 ? env : null;
    }

    private static string Expression(CiPipeline pipeline, CiValue value) => value.Kind switch
    {
        CiValueKind.Input when pipeline.Inputs.Any(i => i.Name == value.Name) => $"${{{{ inputs.{value.Name} }}}}",
        CiValueKind.Input => throw new InvalidOperationException($"Pipeline {pipeline.Id} has no input '{value.Name}'."),
        CiValueKind.Secret => $"${{{{ secrets.{value.Name} }}}}",
        CiValueKind.Matrix => $"${{{{ matrix.{value.Name} }}}}",
        CiValueKind.BaseCommit => "${{ github.event.pull_request.base.sha }}",
        CiValueKind.ReviewEnvironment => "review/${{ github.head_ref }}",
        _ => value.Name,
    };
}
