using System.Globalization;
using Slipway.Releases;
using Slipway.Targets;

namespace Slipway.Tests.EndToEnd;

/// <summary>
/// Issue 15's acceptance on a fresh clone, with a local environment gated like production (<c>gates.approvals: 2</c>,
/// <c>promoteFrom: staging</c>, <c>cooling: 5m</c>, a window that is closed today): a tag not verified in staging is refused
/// naming the promotion rule; after <c>DeployStaging</c> verifies it, the cooling period is refused with the time left; once
/// cooled (staging's verification moved 10 minutes back in its release log, as time would), the closed window is refused
/// naming it; <c>--break-glass --outside-window --reason</c> deploys and the release log records the reason.
/// </summary>
public sealed class GatedDeployTests : IClassFixture<BuildScriptClone>
{
    private const string Env = "gated-rehearsal";
    private const string Tag = "gated-1";
    private readonly BuildScriptClone _clone;

    public GatedDeployTests(BuildScriptClone clone)
    {
        _clone = clone;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Promotion_cooling_and_window_refuse_with_their_evidence_and_break_glass_deploys_recording_the_reason()
    {
        string closedDay = DateTime.UtcNow.AddDays(3).DayOfWeek.ToString()[..3].ToLowerInvariant();
        await CommitGatedEnvironmentAsync(closedDay);
        await RunAsync($"PublishImage --image web --tag {Tag}", ExitCodes.Success);
        string deploy = $"Deploy --env {Env} --app web --tag {Tag}";

        BuildRun unverified = await RunAsync(deploy, ExitCodes.Refused);
        await RunAsync($"DeployStaging --app web --tag {Tag}", ExitCodes.Success);
        BuildRun cooling = await RunAsync($"{deploy} --break-glass --outside-window --reason e2e", ExitCodes.Refused);
        await MoveStagingVerificationsBackAsync(TimeSpan.FromMinutes(10));
        BuildRun window = await RunAsync($"{deploy} --break-glass --reason e2e", ExitCodes.Refused);
        BuildRun broken = await RunAsync($"{deploy} --break-glass --outside-window --reason \"incident 42: hotfix\"", ExitCodes.Success);
        string releases = await _clone.GitAsync(_clone.GitOpsRemote, "show", $"main:releases/{Env}.yaml");

        unverified.Output.ShouldContain($"promotion: {Env} takes only versions verified in staging (gates.promoteFrom)");
        unverified.Output.ShouldContain($"app web {Tag} (new) is not recorded as verified in releases/staging.yaml");
        unverified.Output.ShouldContain("nothing was written");
        cooling.Output.ShouldContain($"cooling: app web {Tag} must have been verified in staging for 5m (gates.cooling)");
        cooling.Output.ShouldMatch(@"to pass: wait [1-5]m(\d+s)? more \(until \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\)|to pass: wait \d+s more");
        cooling.Output.ShouldNotContain("deploys only inside its windows");
        window.Output.ShouldContain($"window: {Env} deploys only inside its windows: {closedDay} 00:00-23:59 UTC");
        window.Output.ShouldNotContain("must have been verified in staging for");
        window.Output.ShouldNotContain("is not recorded as verified");
        broken.Output.ShouldContain("Gate window: overridden by --outside-window.");
        broken.Output.ShouldContain("Gate promotion: 1 version(s) verified in staging and cooled.");
        broken.Output.ShouldContain($"Gates of {Env} overridden (break-glass, outside-window: incident 42: hotfix)");
        releases.ShouldContain("incident 42: hotfix");
        releases.ShouldContain("break-glass, outside-window");
        releases.ShouldContain(Tag);
    }

    private async Task<BuildRun> RunAsync(string arguments, int expectedExit)
    {
        BuildRun run = await _clone.RunAsync(arguments);
        run.ExitCode.ShouldBe(expectedExit, run.ToString());
        return run;
    }

    /// <summary>A local environment gated like production, committed in the clone.</summary>
    private async Task CommitGatedEnvironmentAsync(string closedDay)
    {
        string folder = Path.Combine(_clone.Root, "environments", Env);
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "env.yaml"), $"""
            extends: [production-rehearsal]
            description: Gated like production on the local cluster
            infrastructure:
              variables:
                cluster_name: web-gated
            gates:
              approvals: 2
              cooling: 5m
              promoteFrom: staging
              windows:
                - days: {closedDay}
                  start: "00:00"
                  end: "23:59"
                  timezone: UTC
            """ + "\n", Ct);
        await _clone.GitAsync(_clone.Root, "add", "-A");
        await _clone.GitAsync(_clone.Root, "-c", "user.name=test", "-c", "user.email=test@localhost", "commit", "-q", "-m", $"{Env}: gated like production");
    }

    /// <summary>Rewrites staging's release log in the GitOps repository with every release <paramref name="back"/> earlier: the cooling period passes.</summary>
    private async Task MoveStagingVerificationsBackAsync(TimeSpan back)
    {
        using var work = new Support.TempDirectory("slipway-gated-gitops");
        string clone = work.Combine("gitops");
        await _clone.GitAsync(work.Path, "clone", "-q", _clone.GitOpsRemote, clone);
        string log = Path.Combine(clone, "releases", "staging.yaml");
        ReleaseHistory history = ReleaseLog.Parse("staging", await File.ReadAllTextAsync(log, Ct));
        history.Releases.ShouldNotBeEmpty();
        var moved = new ReleaseHistory("staging", history.Releases.Select(r => r with { Time = r.Time - back }).ToList());
        await File.WriteAllTextAsync(log, ReleaseLog.Serialize(moved), Ct);
        await _clone.GitAsync(clone, "-c", "user.name=test", "-c", "user.email=test@localhost", "commit", "-q", "-am",
            string.Create(CultureInfo.InvariantCulture, $"staging's verifications {back.TotalMinutes} minutes earlier"));
        await _clone.GitAsync(clone, "push", "-q", "origin", "HEAD:refs/heads/main");
    }
}
