using Slipway.Gates;
using Slipway.Releases;
using Slipway.Tests.Support;
using static Slipway.Tests.Gates.GateRequests;

namespace Slipway.Tests.Gates;

/// <summary>The release checklist made from its evidence: the gate items judged as the Gates target judges them, the rest from the lock, the plan and the stops.</summary>
public sealed class ChecklistBuilderTests
{
    private static readonly SavedPlanStatus s_currentPlan = new(true, ".nuke/temp/production/infra.tfplan of 2026-12-01 09:30Z is current");

    private static ChecklistEvidence Ready(DateTimeOffset verifiedAt) => new()
    {
        Gates = Request(Production(), Web("1.1.0")) with { PromoteFrom = Staging(("1.1.0", verifiedAt, true)) },
        LockFile = "environments/production/versions.lock.yaml",
        LockProblem = null,
        Plan = s_currentPlan,
    };

    private static ChecklistItem Item(ReleaseChecklist checklist, string title) => checklist.Items.Single(i => i.Title == title);

    [Fact]
    public void Everything_Slipway_can_check_is_checked_and_backups_stay_open_for_a_person()
    {
        ReleaseChecklist checklist = ChecklistBuilder.Build(Ready(Tuesday10.AddHours(-2)), TestClock.At(Tuesday10));

        checklist.Items.Select(static i => i.Title).ShouldBe(["Frozen", "Plan reviewed", "Branch", "Approvals", "Deployment window", "Staging verified and cooled", "No emergency stop in force", "Backups taken"]);
        checklist.Items.Where(static i => i.State != ChecklistState.Done).Select(static i => i.Title).ShouldBe(["Backups taken"]);
        Item(checklist, "Frozen").Evidence.ShouldBe("environments/production/versions.lock.yaml is current");
        Item(checklist, "Approvals").Evidence.ShouldBe("2 approval(s): alice, bob");
        Item(checklist, "Staging verified and cooled").Evidence.ShouldBe("1 version(s) verified in staging at least 1h ago");
        Item(checklist, "Backups taken").State.ShouldBe(ChecklistState.Open);
        Item(checklist, "Backups taken").Evidence.ShouldBe(ChecklistBuilder.BackupsOpen);
        checklist.Summary.ShouldBe("production: 7 of 8 item(s) checked, 0 not met, 1 open for a person");
    }

    [Fact]
    public void Unmet_gates_are_reported_with_their_evidence_as_the_Gates_target_would_refuse_them()
    {
        DateTimeOffset saturday = Tuesday10.AddDays(4);
        ChecklistEvidence evidence = Ready(saturday.AddMinutes(-20)) with
        {
            LockProblem = "production's image web: registry.local/web:1.1.0 is not pinned",
            Plan = new SavedPlanStatus(false, "The plan was made at commit abc but the repository is now at def. Run PlanInfra again: ./build.sh PlanInfra --env production"),
            Stops = [new Stop { Scope = "production", Reason = "database incident", Who = "dana", Since = saturday.AddHours(-1) }],
        };

        ReleaseChecklist checklist = ChecklistBuilder.Build(evidence, TestClock.At(saturday));

        Item(checklist, "Frozen").State.ShouldBe(ChecklistState.NotMet);
        Item(checklist, "Frozen").Evidence.ShouldBe("production's image web: registry.local/web:1.1.0 is not pinned (./build.sh Freeze --env production)");
        Item(checklist, "Plan reviewed").State.ShouldBe(ChecklistState.NotMet);
        Item(checklist, "Plan reviewed").Evidence.ShouldContain("./build.sh PlanInfra --env production");
        Item(checklist, "Deployment window").State.ShouldBe(ChecklistState.NotMet);
        Item(checklist, "Deployment window").Evidence.ShouldContain("it is Saturday");
        Item(checklist, "Staging verified and cooled").State.ShouldBe(ChecklistState.NotMet);
        Item(checklist, "Staging verified and cooled").Evidence.ShouldContain("wait 40m more");
        Item(checklist, "No emergency stop in force").State.ShouldBe(ChecklistState.NotMet);
        Item(checklist, "No emergency stop in force").Evidence.ShouldBe("production stopped since 2026-12-05 09:00 UTC by dana: database incident (lifted by ./build.sh Resume --env production --reason \"...\")");
        Item(checklist, "Branch").State.ShouldBe(ChecklistState.Done);
        checklist.NotMet.ShouldBe(5);
    }

    [Fact]
    public void A_local_run_leaves_approvals_open_and_overrides_do_not_tick_them()
    {
        ChecklistEvidence local = Ready(Tuesday10.AddHours(-2)) with { Gates = Ready(Tuesday10.AddHours(-2)).Gates with { Approvals = null } };
        ChecklistEvidence brokenGlass = Ready(Tuesday10.AddHours(-2)) with
        {
            Gates = Ready(Tuesday10.AddHours(-2)).Gates with { Approvals = Approvals("carol", "carol"), Overrides = new GateOverrides(true, true, "incident") },
        };

        ChecklistItem open = Item(ChecklistBuilder.Build(local, TestClock.At(Tuesday10)), "Approvals");
        ChecklistItem notMet = Item(ChecklistBuilder.Build(brokenGlass, TestClock.At(Tuesday10.AddDays(4))), "Approvals");

        open.State.ShouldBe(ChecklistState.Open);
        open.Evidence.ShouldStartWith("2 approval(s) by people other than the author");
        notMet.State.ShouldBe(ChecklistState.NotMet);
        notMet.Evidence.ShouldContain("carol is the author");
    }

    [Fact]
    public void The_markdown_is_a_task_list_with_unmet_and_open_items_unticked()
    {
        ChecklistEvidence evidence = Ready(Tuesday10.AddHours(-2)) with { Plan = null, LockProblem = "environments/production/versions.lock.yaml does not exist" };

        string markdown = ChecklistBuilder.Build(evidence, TestClock.At(Tuesday10)).ToMarkdown();

        markdown.ShouldStartWith("## Release checklist: production\n\nChecked by Slipway at 2026-12-01 10:00Z (`./build.sh Checklist --env production`)");
        markdown.ShouldContain("- [x] **Plan reviewed**: no infrastructure stack: nothing to plan\n");
        markdown.ShouldContain("- [ ] **Frozen** — **not met**: environments/production/versions.lock.yaml does not exist (./build.sh Freeze --env production)\n");
        markdown.ShouldContain($"- [ ] **Backups taken** — *for a person*: {ChecklistBuilder.BackupsOpen}\n");
        markdown.ShouldContain("- [x] **Approvals**: 2 approval(s): alice, bob\n");
    }
}
