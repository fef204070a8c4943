using Slipway.Ci;
using Slipway.Targets;

namespace Slipway.Tests.Ci;

/// <summary>A definition of every kind of pipeline and job over <see cref="CiTestBuild"/>'s graph, as build/Build.CiPipelines.cs declares them.</summary>
public static class CiTestDefinition
{
    public static readonly CiInput Environment = new("environment", "The environment", "SLIPWAY_ENV") { Required = true };
    public static readonly CiInput Tag = new("tag", "The tag (empty: the previous release)", "SLIPWAY_TAG");
    public static readonly CiInput Reason = new("reason", "Why", "SLIPWAY_REASON") { Required = true };

    public static CiDefinition Create(CiTestBuild build, IReadOnlyList<string>? sites = null)
    {
        var graph = TargetGraph.Of(build);
        var token = Pair("SLIPWAY_GITOPS_TOKEN", CiValue.Secret("SLIPWAY_GITOPS_TOKEN"));
        var pipelines = new List<CiPipeline>
        {
            new("pull-request", "Pull request", CiTrigger.PullRequest)
            {
                Permissions = [new("contents", "read"), new("pull-requests", "write")],
                Jobs =
                [
                    Job(graph, "changes", "Changed environments", ["ChangedEnvironments"], [Pair("SLIPWAY_BASE", CiValue.BaseCommit)]) with { FullHistory = true, OutputsEnvironments = true },
                    Job(graph, "plan", "Plan", ["Validate", "PlanInfra"], [Pair("SLIPWAY_ENV", CiValue.Matrix("environment"))]) with
                    {
                        Needs = ["changes"],
                        Matrix = new CiMatrix("environment", "SLIPWAY_ENV") { FromJob = "changes" },
                    },
                ],
            },
            new("review", "Review environment", CiTrigger.Review)
            {
                Jobs =
                [
                    Job(graph, "deploy-review", "Deploy review", ["DeployReview"], [token]) with { Environment = CiValue.ReviewEnvironment, ConcurrencyGroup = CiValue.ReviewEnvironment, StopJob = "destroy-review" },
                    Job(graph, "destroy-review", "Destroy review", ["DestroyReview"], [token]) with { Environment = CiValue.ReviewEnvironment, ConcurrencyGroup = CiValue.ReviewEnvironment, StopsReview = true },
                ],
            },
            new("deploy-staging", "Deploy staging", CiTrigger.Push)
            {
                Jobs = [Job(graph, "deploy-staging", "Deploy staging", ["DeployStaging"], [token]) with { Environment = CiValue.Literal("staging"), ConcurrencyGroup = CiValue.Literal("staging") }],
            },
            new("deploy-production", "Deploy production", CiTrigger.Manual)
            {
                GitLabFollows = "deploy-staging",
                Jobs = [Job(graph, "deploy-production", "Deploy production", ["DeployProduction"], [token]) with { Environment = CiValue.Literal("production"), ConcurrencyGroup = CiValue.Literal("production"), Manual = true }],
            },
            new("rollback", "Rollback", CiTrigger.Manual)
            {
                Inputs = [Environment, Tag, Reason],
                Jobs =
                [
                    Job(graph, "rollback", "Rollback", ["Rollback"], [Pair("SLIPWAY_ENV", CiValue.Input("environment")), Pair("SLIPWAY_TAG", CiValue.Input("tag")), Pair("SLIPWAY_REASON", CiValue.Input("reason")), token], "--yes") with
                    {
                        Environment = CiValue.Input("environment"),
                        ConcurrencyGroup = CiValue.Input("environment"),
                    },
                ],
            },
            new("emergency-stop", "Emergency stop", CiTrigger.Manual)
            {
                Inputs = [Environment, Reason],
                Jobs = [Job(graph, "emergency-stop", "Emergency stop", ["EmergencyStop"], [Pair("SLIPWAY_ENV", CiValue.Input("environment")), Pair("SLIPWAY_REASON", CiValue.Input("reason")), token])],
            },
        };
        if (sites is not null)
        {
            pipelines.Add(FanOut(graph, sites, token));
        }

        return new CiDefinition(pipelines) { DeclaredIn = "tests/Slipway.Tests/Ci/CiTestDefinition.cs" };
    }

    public static CiPipeline FanOut(TargetGraph graph, IReadOnlyList<string> sites, KeyValuePair<string, CiValue> token)
        => new("deploy-site", "Deploy every site", CiTrigger.Manual)
        {
            Jobs =
            [
                Job(graph, "deploy-site", "Deploy site", ["Deploy"], [Pair("SLIPWAY_ENV", CiValue.Matrix("environment")), token]) with
                {
                    Matrix = new CiMatrix("environment", "SLIPWAY_ENV") { Values = sites, MaxParallel = 20 },
                    Environment = CiValue.Matrix("environment"),
                    ConcurrencyGroup = CiValue.Matrix("environment"),
                    RecordsResult = true,
                },
                Job(graph, "deploy-site-summary", "Summary", ["DeploySummary"], [Pair("SLIPWAY_MATRIX", CiValue.Literal("site"))]) with { Needs = ["deploy-site"], Always = true },
            ],
        };

    public static CiJob Job(TargetGraph graph, string id, string name, string[] targets, IReadOnlyList<KeyValuePair<string, CiValue>> variables, params string[] arguments)
        => CiJobCheck.RequireVariables(new CiJob(id, name, targets) { Plan = graph.Plan(targets), Variables = variables, Arguments = arguments }, graph.RequiredVariables(targets), "CiTestDefinition.cs");

    private static KeyValuePair<string, CiValue> Pair(string variable, CiValue value) => new(variable, value);
}
