using Slipway;
using Slipway.Ci;
using Slipway.Targets;

/// <summary>
/// The pipelines of this repository, declared in C# in the spirit of Nuke's [GitHubActions]: each job is the
/// <c>./build.sh</c> line a person would type, its steps come from the target graph, and every parameter the graph says
/// its targets require must be given a value here (an input, a secret, the matrix value), or GenerateCi refuses (exit 2).
/// </summary>
internal sealed partial class Build
{
    private static readonly CiInput s_environmentInput = new("environment", "The environment, a folder under environments/ (e.g. staging)", "SLIPWAY_ENV") { Required = true };
    private static readonly CiInput s_tagInput = new("tag", "Rollback: the image tag to go back to (empty: the previous verified release)", "SLIPWAY_TAG");
    private static readonly CiInput s_reasonInput = new("reason", "Why: the commit, the hold, the stop and the release record say it", "SLIPWAY_REASON") { Required = true };

    private CiDefinition Pipelines(TargetGraph graph, IReadOnlyList<(string Layer, IReadOnlyList<string> Environments)> fanOut)
    {
        var gitopsToken = Pair(graph.VariableOf(nameof(_gitopsToken)), CiValue.Secret(graph.VariableOf(nameof(_gitopsToken))));
        var environment = Pair(s_environmentInput.Variable, CiValue.Input(s_environmentInput.Name));
        var reason = Pair(s_reasonInput.Variable, CiValue.Input(s_reasonInput.Name));
        // the approvals gate reads the pull request's reviews and the run's environment approvals (Build.Gates.cs)
        var githubToken = Pair(graph.VariableOf(nameof(_githubToken)), CiValue.Secret("GITHUB_TOKEN"));
        KeyValuePair<string, string>[] gatePermissions = [new("contents", "read"), new("pull-requests", "read"), new("actions", "read")];
        // a deploy with the token is also a GitHub Deployment with statuses (Build.Reporting.cs)
        KeyValuePair<string, string>[] deployPermissions = [.. gatePermissions, new("deployments", "write")];
        var pipelines = new List<CiPipeline>
        {
            new("pull-request", "Pull request: validate and plan the touched environments", CiTrigger.PullRequest)
            {
                Permissions = [new("contents", "read"), new("pull-requests", "write")],
                Jobs =
                [
                    Job(graph, "changes", "Changed environments", [nameof(ChangedEnvironments)], [Pair(graph.VariableOf(nameof(_base)), CiValue.BaseCommit)]) with { FullHistory = true, OutputsEnvironments = true },
                    Job(graph, "plan", "Validate and plan", [nameof(Validate), nameof(PlanInfra), nameof(CommentPlan)], [Pair(graph.VariableOf(nameof(_env)), CiValue.Matrix("environment")), Pair(graph.VariableOf(nameof(_githubToken)), CiValue.Secret("GITHUB_TOKEN"))]) with
                    {
                        Needs = ["changes"],
                        Matrix = new CiMatrix("environment", graph.VariableOf(nameof(_env))) { FromJob = "changes" },
                    },
                ],
            },
            // the branch comes from GITHUB_HEAD_REF / CI_MERGE_REQUEST_SOURCE_BRANCH_NAME (Build.Review.cs); one group per review
            // environment, so a destroy waits for the deploy of the same pull request and never overlaps it
            new("review", "Review environment of the pull request", CiTrigger.Review)
            {
                Permissions = deployPermissions,
                Jobs =
                [
                    Job(graph, "deploy-review", "Deploy the review environment", [nameof(DeployReview)], [gitopsToken, githubToken]) with
                    {
                        Environment = CiValue.ReviewEnvironment,
                        ConcurrencyGroup = CiValue.ReviewEnvironment,
                        StopJob = "destroy-review",
                    },
                    Job(graph, "destroy-review", "Destroy the review environment", [nameof(DestroyReview)], [gitopsToken]) with
                    {
                        Environment = CiValue.ReviewEnvironment,
                        ConcurrencyGroup = CiValue.ReviewEnvironment,
                        StopsReview = true,
                    },
                ],
            },
            new("deploy-staging", "Deploy staging", CiTrigger.Push)
            {
                Permissions = deployPermissions,
                Jobs = [Job(graph, "deploy-staging", "Deploy staging", [nameof(DeployStaging)], [gitopsToken, githubToken]) with { Environment = CiValue.Literal("staging"), ConcurrencyGroup = CiValue.Literal("staging") }],
            },
            new("deploy-production", "Deploy production", CiTrigger.Manual)
            {
                GitLabFollows = "deploy-staging",
                Permissions = deployPermissions,
                Jobs =
                [
                    Job(graph, "deploy-production", "Deploy production", [nameof(DeployProduction)], [gitopsToken, githubToken, Pair("GRAFANA_ADMIN_PASSWORD", CiValue.Secret("GRAFANA_ADMIN_PASSWORD"))]) with
                    {
                        Environment = CiValue.Literal("production"),
                        ConcurrencyGroup = CiValue.Literal("production"),
                        Manual = true,
                    },
                ],
            },
            new("rollback", "Rollback", CiTrigger.Manual)
            {
                Inputs = [s_environmentInput, s_tagInput, s_reasonInput],
                Permissions = gatePermissions,
                Jobs =
                [
                    Job(graph, "rollback", "Rollback", [nameof(Rollback)], [environment, Pair(graph.VariableOf(nameof(_tag)), CiValue.Input(s_tagInput.Name)), reason, gitopsToken, githubToken], "--yes") with
                    {
                        Environment = CiValue.Input(s_environmentInput.Name),
                        ConcurrencyGroup = CiValue.Input(s_environmentInput.Name),
                    },
                ],
            },
            // no concurrency group: a stop must not wait behind the deploy it stops
            new("emergency-stop", "Emergency stop", CiTrigger.Manual)
            {
                Inputs = [s_environmentInput, s_reasonInput],
                Jobs = [Job(graph, "emergency-stop", "Emergency stop", [nameof(EmergencyStop)], [environment, reason, gitopsToken])],
            },
            new("resume", "Resume", CiTrigger.Manual)
            {
                Inputs = [s_environmentInput, s_reasonInput],
                Jobs = [Job(graph, "resume", "Resume", [nameof(Resume)], [environment, reason, gitopsToken]) with { ConcurrencyGroup = CiValue.Input(s_environmentInput.Name) }],
            },
        };
        pipelines.AddRange(fanOut.Select(f => FanOut(graph, f.Layer, f.Environments, gitopsToken)));
        return new CiDefinition(pipelines);
    }

    /// <summary>Deploy to every environment of <paramref name="layer"/>: a matrix job per environment (split at the platforms' limits), then one summary.</summary>
    private CiPipeline FanOut(TargetGraph graph, string layer, IReadOnlyList<string> environments, KeyValuePair<string, CiValue> gitopsToken)
    {
        string id = $"deploy-{layer}";
        string envVariable = graph.VariableOf(nameof(_env));
        return new CiPipeline(id, $"Deploy every {layer} environment", CiTrigger.Manual)
        {
            Jobs =
            [
                Job(graph, id, $"Deploy {layer}", [nameof(Deploy)], [Pair(envVariable, CiValue.Matrix("environment")), gitopsToken]) with
                {
                    Matrix = new CiMatrix("environment", envVariable) { Values = environments, MaxParallel = 10 },
                    Environment = CiValue.Matrix("environment"),
                    ConcurrencyGroup = CiValue.Matrix("environment"),
                    RecordsResult = true,
                },
                Job(graph, $"{id}-summary", $"Deploy {layer}: summary", [nameof(DeploySummary)], [Pair(graph.VariableOf(nameof(_matrix)), CiValue.Literal(layer))]) with
                {
                    Needs = [id],
                    Always = true,
                },
            ],
        };
    }

    /// <summary>A job running <paramref name="targets"/>; exit 2 when a parameter the target graph requires gets no value.</summary>
    private static CiJob Job(TargetGraph graph, string id, string name, string[] targets, IReadOnlyList<KeyValuePair<string, CiValue>> variables, params string[] arguments)
    {
        var job = new CiJob(id, name, targets) { Plan = graph.Plan(targets), Variables = variables, Arguments = arguments };
        return CiJobCheck.RequireVariables(job, graph.RequiredVariables(targets), "build/Build.CiPipelines.cs");
    }

    private static KeyValuePair<string, CiValue> Pair(string variable, CiValue value) => new(variable, value);
}
