using Slipway.Targets;
using Slipway.Targets.Execution;

namespace Slipway.Tests.Targets;

public sealed class ExecutionPlannerTests
{
    private static PlanNode Node(string name, int index, string[]? dependsOn = null, string[]? after = null, string[]? before = null, string[]? triggers = null, string[]? triggeredBy = null)
        => new(name, index) { DependsOn = dependsOn ?? [], After = after ?? [], Before = before ?? [], Triggers = triggers ?? [], TriggeredBy = triggeredBy ?? [] };

    private static List<string> Names(IReadOnlyList<PlannedTarget> plan) => plan.Select(static p => p.Name).ToList();

    [Fact]
    public void Dependencies_run_first_and_ties_keep_declaration_order()
    {
        PlanNode[] nodes =
        [
            Node("Restore", 0),
            Node("Lint", 1),
            Node("Compile", 2, dependsOn: ["Restore"]),
            Node("Test", 3, dependsOn: ["Compile", "Lint"]),
        ];

        IReadOnlyList<PlannedTarget> plan = ExecutionPlanner.Plan(new PlanRequest(nodes, ["Test"]));

        Names(plan).ShouldBe(["Restore", "Lint", "Compile", "Test"]);
        plan[0].Describe().ShouldBe("dependency of Compile");
        plan[3].Describe().ShouldBe("requested");
    }

    [Fact]
    public void Plan_is_deterministic_whatever_the_request_order()
    {
        PlanNode[] nodes = [Node("A", 0), Node("B", 1), Node("C", 2, dependsOn: ["A", "B"])];

        Names(ExecutionPlanner.Plan(new PlanRequest(nodes, ["B", "A"]))).ShouldBe(["A", "B"]);
        Names(ExecutionPlanner.Plan(new PlanRequest(nodes, ["C"]))).ShouldBe(["A", "B", "C"]);
    }

    [Fact]
    public void A_cycle_is_an_input_error_that_names_the_cycle()
    {
        PlanNode[] nodes = [Node("Deploy", 0, dependsOn: ["Verify"]), Node("Verify", 1, dependsOn: ["Deploy"]), Node("Other", 2)];

        BuildException error = Should.Throw<BuildException>(() => ExecutionPlanner.Plan(new PlanRequest(nodes, ["Other"])));

        error.ExitCode.ShouldBe(ExitCodes.BadInput);
        error.Message.ShouldBe("Circular dependency: Deploy -> Verify -> Deploy");
    }

    [Fact]
    public void A_cycle_through_ordering_edges_is_found_too()
    {
        PlanNode[] nodes = [Node("A", 0, after: ["B"]), Node("B", 1, triggers: ["A"], before: ["C"]), Node("C", 2, before: ["A"], dependsOn: ["A"])];

        BuildException error = Should.Throw<BuildException>(() => ExecutionPlanner.Plan(new PlanRequest(nodes, ["A"])));

        error.Message.ShouldStartWith("Circular dependency: ");
    }

    [Fact]
    public void After_and_Before_order_without_scheduling()
    {
        PlanNode[] nodes = [Node("Publish", 0, after: ["Test"]), Node("Clean", 1, before: ["Publish"]), Node("Test", 2)];

        Names(ExecutionPlanner.Plan(new PlanRequest(nodes, ["Publish"]))).ShouldBe(["Publish"]);
        Names(ExecutionPlanner.Plan(new PlanRequest(nodes, ["Publish", "Test", "Clean"]))).ShouldBe(["Clean", "Test", "Publish"]);
    }

    [Fact]
    public void Triggers_and_TriggeredBy_schedule_after_the_trigger()
    {
        PlanNode[] nodes =
        [
            Node("Notify", 0, triggeredBy: ["Deploy"]),
            Node("Deploy", 1, triggers: ["Record"]),
            Node("Record", 2),
        ];

        IReadOnlyList<PlannedTarget> plan = ExecutionPlanner.Plan(new PlanRequest(nodes, ["Deploy"]));

        Names(plan).ShouldBe(["Deploy", "Notify", "Record"]);
        plan[1].Describe().ShouldBe("triggered by Deploy");
        plan[2].Describe().ShouldBe("triggered by Deploy");
    }

    [Fact]
    public void Skip_marks_named_targets_and_bare_skip_marks_all_but_requested()
    {
        PlanNode[] nodes = [Node("Restore", 0), Node("Compile", 1, dependsOn: ["Restore"]), Node("Test", 2, dependsOn: ["Compile"])];

        IReadOnlyList<PlannedTarget> named = ExecutionPlanner.Plan(new PlanRequest(nodes, ["Test"]) { Skip = ["Restore"] });
        IReadOnlyList<PlannedTarget> all = ExecutionPlanner.Plan(new PlanRequest(nodes, ["Test"]) { SkipAllButRequested = true });

        named.Select(static p => p.SkipReason is not null).ShouldBe([true, false, false]);
        all.Select(static p => p.SkipReason is not null).ShouldBe([true, true, false]);
    }

    [Fact]
    public void A_statically_skipped_target_does_not_pull_in_its_dependencies()
    {
        PlanNode[] nodes =
        [
            Node("Shared", 0),
            Node("OnlyForPublish", 1),
            Node("Publish", 2, dependsOn: ["OnlyForPublish", "Shared"]),
            Node("Test", 3, dependsOn: ["Shared"]),
            Node("All", 4, dependsOn: ["Publish", "Test"]),
        ];

        IReadOnlyList<PlannedTarget> plan = ExecutionPlanner.Plan(new PlanRequest(nodes, ["All"])
        {
            StaticSkipReason = static name => name == "Publish" ? "condition false" : null,
        });

        Names(plan).ShouldBe(["Shared", "Publish", "Test", "All"]);
        plan.Single(static p => p.Name == "Publish").SkipReason.ShouldBe("condition false");
    }

    [Fact]
    public void Unknown_references_are_all_reported_together()
    {
        PlanNode[] nodes = [Node("A", 0, dependsOn: ["Missing1"]), Node("B", 1, after: ["Missing2"])];

        BuildException error = Should.Throw<BuildException>(() => ExecutionPlanner.Plan(new PlanRequest(nodes, ["A", "Nope"])));

        error.Message.ShouldContain("Missing1");
        error.Message.ShouldContain("Missing2");
        error.Message.ShouldContain("Nope");
    }
}
