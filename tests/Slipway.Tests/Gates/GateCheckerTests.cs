using Slipway.Environments.Settings;
using Slipway.Gates;
using Slipway.Tests.Support;
using static Slipway.Tests.Gates.GateRequests;

namespace Slipway.Tests.Gates;

public sealed class GateCheckerTests
{
    private static GateOutcome Check(GateRequest request, DateTimeOffset now) => GateChecker.Check(request, TestClock.At(now));

    private static GateRequest Verified(GateRequest request, DateTimeOffset verifiedAt)
        => request with { PromoteFrom = Staging(("1.1.0", verifiedAt, true)) };

    [Fact]
    public void Production_passes_with_a_cooled_staging_verification_two_approvals_on_main_inside_the_window()
    {
        GateOutcome outcome = Check(Verified(Request(Production(), Web("1.1.0")), Tuesday10.AddHours(-2)), Tuesday10);

        outcome.Refusals.ShouldBeEmpty();
        outcome.Passed.ShouldContain("branch: main (local HEAD)");
        outcome.Passed.ShouldContain("approvals: 2 approval(s): alice, bob");
        outcome.Override.ShouldBeNull();
    }

    [Fact]
    public void Another_branch_is_refused_naming_the_branches_allowed_and_where_the_branch_was_read()
    {
        GateRequest request = Verified(Request(Production(), Web("1.1.0")), Tuesday10.AddHours(-2)) with { Branch = new BranchEvidence("feature/x", "GITHUB_REF_NAME", []) };

        GateRefusal refusal = Check(request, Tuesday10).Refusals.ShouldHaveSingleItem();

        refusal.Gate.ShouldBe("branch");
        refusal.Rule.ShouldContain("'main'");
        refusal.Evidence.ShouldBe("this run is on branch 'feature/x' (GITHUB_REF_NAME)");
        refusal.Remedy.ShouldContain("merge the change into main");
    }

    [Fact]
    public void A_branch_that_cannot_be_told_is_refused_unless_any_branch_may_deploy()
    {
        GateRequest detached = Request(None with { Branches = ["main"] }) with { Branch = new BranchEvidence(null, "the local HEAD is detached at 1a2b3c4", []) };

        Check(detached, Tuesday10).Refusals.ShouldHaveSingleItem().Evidence.ShouldBe("the branch cannot be told (the local HEAD is detached at 1a2b3c4)");
        Check(detached with { Gates = None with { Branches = ["*"] } }, Tuesday10).Refusals.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("release/*", "release/1.2", true)]
    [InlineData("release/*", "main", false)]
    [InlineData("*", "anything/at/all", true)]
    [InlineData("main", "main2", false)]
    public void Branch_globs_match_whole_names(string pattern, string branch, bool matches)
        => BranchGate.Matches(pattern, branch).ShouldBe(matches);

    [Fact]
    public void A_dirty_work_tree_refuses_a_protected_environment_only()
    {
        GateRequest dirty = Verified(Request(Production(), Web("1.1.0")), Tuesday10.AddHours(-2)) with { Branch = new BranchEvidence("main", "local HEAD", ["environments/production/env.yaml"]) };

        Check(dirty, Tuesday10).Refusals.ShouldHaveSingleItem().Evidence.ShouldContain("environments/production/env.yaml");
        Check(dirty with { Protected = false }, Tuesday10).Refusals.ShouldBeEmpty();
    }

    [Fact]
    public void Outside_the_window_is_refused_naming_the_window_and_when_it_opens()
    {
        var saturday = new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);

        GateRefusal refusal = Check(Verified(Request(Production(), Web("1.1.0")), saturday.AddHours(-2)), saturday).Refusals.ShouldHaveSingleItem();

        refusal.Gate.ShouldBe("window");
        refusal.Rule.ShouldContain("mon,tue,wed,thu,fri 08:00-17:00 UTC");
        refusal.Evidence.ShouldBe("it is Saturday 2026-12-05 10:00 UTC");
        refusal.Remedy.ShouldContain("wait until 2026-12-07 08:00 UTC");
        refusal.Remedy.ShouldContain("--outside-window --reason");
    }

    [Theory]
    [InlineData(7, 59, false)]
    [InlineData(8, 0, true)]
    [InlineData(16, 59, true)]
    [InlineData(17, 0, false)]
    public void The_window_includes_its_start_and_excludes_its_end(int hour, int minute, bool open)
        => WindowGate.IsOpen(Weekdays, new DateTimeOffset(2026, 12, 1, hour, minute, 0, TimeSpan.Zero)).ShouldBe(open);

    [Theory]
    [InlineData(2026, 12, 4, 23, 30, true)] // Friday night, inside fri 22:00-02:00
    [InlineData(2026, 12, 5, 1, 30, true)] // after midnight: Saturday 01:30 belongs to Friday's window
    [InlineData(2026, 12, 5, 2, 0, false)]
    [InlineData(2026, 12, 5, 23, 0, false)] // Saturday's own night has no window
    public void A_window_past_midnight_belongs_to_the_day_it_starts(int year, int month, int day, int hour, int minute, bool open)
    {
        var night = new DeploymentWindow([DayOfWeek.Friday], new TimeOnly(22, 0), new TimeOnly(2, 0), "UTC");

        WindowGate.IsOpen(night, new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero)).ShouldBe(open);
    }

    [Fact]
    public void A_window_in_a_time_zone_keeps_its_local_hours_across_the_DST_change()
    {
        var amsterdam = new DeploymentWindow([DayOfWeek.Monday, DayOfWeek.Friday], new TimeOnly(8, 0), new TimeOnly(17, 0), "Europe/Amsterdam");

        // Friday 2026-03-27 is winter time (UTC+1), Monday 2026-03-30 summer time (UTC+2): the same 06:30 UTC is 07:30 and 08:30 local.
        WindowGate.IsOpen(amsterdam, new DateTimeOffset(2026, 3, 27, 6, 30, 0, TimeSpan.Zero)).ShouldBeFalse();
        WindowGate.IsOpen(amsterdam, new DateTimeOffset(2026, 3, 30, 6, 30, 0, TimeSpan.Zero)).ShouldBeTrue();
        WindowGate.IsOpen(amsterdam, new DateTimeOffset(2026, 3, 30, 15, 30, 0, TimeSpan.Zero)).ShouldBeFalse(); // 17:30 local
    }

    [Fact]
    public void An_unknown_time_zone_is_bad_input_naming_the_key()
    {
        var mars = new DeploymentWindow([DayOfWeek.Monday], new TimeOnly(8, 0), new TimeOnly(17, 0), "Mars/Olympus");

        SlipwayException e = Should.Throw<SlipwayException>(() => Check(Request(Production(mars)), Tuesday10));

        e.Kind.ShouldBe(FailureKind.Input);
        e.Message.ShouldContain("gates.windows: time zone 'Mars/Olympus'");
    }

    [Fact]
    public void A_freeze_refuses_with_its_reason_and_outside_window_overrides_it_and_is_recorded()
    {
        GatesSettings frozen = Production() with { Freezes = [new FreezePeriod(new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 1), "year-end close", "UTC")] };
        GateRequest request = Verified(Request(frozen, Web("1.1.0")), Tuesday10.AddHours(-2));

        GateRefusal refusal = Check(request, Tuesday10).Refusals.ShouldHaveSingleItem();
        GateOutcome overridden = Check(request with { Overrides = new GateOverrides(false, true, "hotfix for INC-7") }, Tuesday10);

        refusal.Rule.ShouldContain("freeze 2026-11-30..2026-12-01 (UTC): year-end close");
        refusal.Remedy.ShouldContain("wait until 2026-12-02");
        overridden.Refusals.ShouldBeEmpty();
        overridden.Override.ShouldBe("outside-window: hotfix for INC-7");
        overridden.Passed.ShouldContain("window: overridden by --outside-window");
        overridden.Passed.ShouldNotContain("window: inside the window, no freeze");
    }

    [Fact]
    public void A_tag_never_verified_in_staging_is_refused_naming_what_staging_verified()
    {
        GateRequest request = Request(Production(), Web("1.2.0")) with { PromoteFrom = Staging(("1.1.0", Tuesday10.AddDays(-1), true), ("1.2.0", Tuesday10.AddHours(-3), false)) };

        GateRefusal refusal = Check(request, Tuesday10).Refusals.ShouldHaveSingleItem();

        refusal.Gate.ShouldBe("promotion");
        refusal.Evidence.ShouldBe("app web 1.2.0 (runs 1.0.0) is not recorded as verified in releases/staging.yaml (verified there: 1.1.0)");
        refusal.Remedy.ShouldContain("./build.sh Deploy --env staging");
    }

    [Fact]
    public void Before_the_cooling_period_is_refused_with_the_time_left_and_passes_once_it_is_over()
    {
        GateRequest request = Verified(Request(Production(), Web("1.1.0")), Tuesday10.AddMinutes(-20));

        GateRefusal refusal = Check(request, Tuesday10).Refusals.ShouldHaveSingleItem();

        refusal.Gate.ShouldBe("cooling");
        refusal.Evidence.ShouldContain("verified in staging by staging-1 at 2026-12-01 09:40:00 UTC, 20m ago");
        refusal.Remedy.ShouldBe("wait 40m more (until 2026-12-01 10:40:00 UTC)");
        Check(request, Tuesday10.AddMinutes(40)).Refusals.ShouldBeEmpty();
    }

    [Fact]
    public void A_verification_recorded_in_the_future_is_refused_with_both_times()
    {
        GateRefusal refusal = Check(Verified(Request(Production(), Web("1.1.0")), Tuesday10.AddMinutes(5)), Tuesday10).Refusals.ShouldHaveSingleItem();

        refusal.Gate.ShouldBe("cooling");
        refusal.Evidence.ShouldContain("2026-12-01 10:05:00 UTC, after now (2026-12-01 10:00:00 UTC)");
    }

    [Fact]
    public void Approvals_by_the_author_alone_do_not_count()
    {
        GateRequest request = Verified(Request(Production(), Web("1.1.0")), Tuesday10.AddHours(-2)) with { Approvals = Approvals("carol", "carol", "alice") };

        GateRefusal refusal = Check(request, Tuesday10).Refusals.ShouldHaveSingleItem();

        refusal.Gate.ShouldBe("approvals");
        refusal.Evidence.ShouldContain("approved by alice");
        refusal.Evidence.ShouldContain("carol is the author: their own approval does not count");
        refusal.Remedy.ShouldStartWith("1 more approval(s) of pull request #7 by someone other than carol");
    }

    [Fact]
    public void A_high_risk_change_needs_one_more_approval_as_configured()
    {
        GateRequest request = Verified(Request(Production(), Web("1.1.0")), Tuesday10.AddHours(-2)) with { Risk = ChangeRisk.High, RiskReasons = ["the plan changes infrastructure"] };

        ApprovalGate.Required(request).ShouldBe(3);
        Check(request, Tuesday10).Refusals.ShouldHaveSingleItem().Rule.ShouldContain("+1 for high risk: the plan changes infrastructure");
        ApprovalGate.Required(request with { Gates = request.Gates with { RiskApprovals = new RiskApprovals(0, 0, 0) } }).ShouldBe(2);
        ApprovalGate.Required(request with { Gates = None }).ShouldBe(0); // no approvals asked: none for risk either
    }

    [Fact]
    public void A_local_run_is_refused_unless_break_glass_with_a_reason_which_is_recorded()
    {
        GateRequest local = Verified(Request(Production(), Web("1.1.0")), Tuesday10.AddHours(-2)) with { Approvals = null };

        GateRefusal refusal = Check(local, Tuesday10).Refusals.ShouldHaveSingleItem();
        GateOutcome broken = Check(local with { Overrides = new GateOverrides(true, false, "INC-42: checkout down") }, Tuesday10);

        refusal.Evidence.ShouldContain("this is a local run");
        refusal.Remedy.ShouldContain("--break-glass --reason");
        broken.Refusals.ShouldBeEmpty();
        broken.Override.ShouldBe("break-glass: INC-42: checkout down");
    }

    [Fact]
    public void A_rollback_skips_promotion_cooling_and_windows_but_not_approvals()
    {
        var saturday = new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);
        GateRequest rollback = Request(Production(), Web("0.9.0")) with { Mode = GateMode.Rollback, PromoteFrom = Staging() };

        Check(rollback, saturday).Refusals.ShouldBeEmpty();
        Check(rollback with { Approvals = null }, saturday).Refusals.ShouldHaveSingleItem().Gate.ShouldBe("approvals");
    }

    [Fact]
    public void Every_refusal_is_listed_in_one_exit_3_with_rule_evidence_and_remedy()
    {
        GateRequest request = Request(Production(), Web("9.9.9")) with { Approvals = null, Branch = new BranchEvidence("dev", "local HEAD", []) };

        SlipwayException e = Should.Throw<SlipwayException>(() => Check(request, new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero)).ThrowIfRefused("production", "SyncApps"));

        e.Kind.ShouldBe(FailureKind.Refused);
        e.Message.ShouldStartWith("SyncApps refused: 4 gate(s) of production did not pass, nothing was written.");
        foreach (string gate in new[] { "branch:", "window:", "promotion:", "approvals:" })
        {
            e.Message.ShouldContain(gate);
        }

        e.Message.ShouldContain("evidence:");
        e.Message.ShouldContain("to pass:");
    }
}
