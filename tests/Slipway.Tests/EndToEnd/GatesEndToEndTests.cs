using Slipway.Environments;
using Slipway.Environments.Settings;
using Slipway.Releases;
using Slipway.Targets;
using Slipway.Tests.Gates;
using Slipway.Tests.Support;

namespace Slipway.Tests.EndToEnd;

/// <summary>
/// Production's gates through <c>./build.sh</c> on a fresh clone: SyncApps cannot walk around them (exit 3, nothing written to the
/// GitOps repository); then, with staging's release log verifying production's versions and a simulated GitHub Actions run
/// against a fake GitHub API on 127.0.0.1, one approving review by someone else is refused and two pass.
/// </summary>
public sealed class GatesEndToEndTests : IClassFixture<BuildScriptClone>
{
    private const string Merge = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
    private const string Head = "feedfacefeedfacefeedfacefeedfacefeedface";
    private readonly BuildScriptClone _clone;

    public GatesEndToEndTests(BuildScriptClone clone)
    {
        _clone = clone;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SyncApps_to_production_is_refused_before_writing_and_a_simulated_GitHub_run_needs_two_approvals_by_others()
    {
        BuildRun refused = await _clone.RunAsync("SyncApps --env production");
        // the gates read Slipway's own GitOps repository that does not exist yet as "nothing deployed": a refusal creates nothing
        bool created = Directory.Exists(_clone.GitOpsRemote);
        string written = created ? await _clone.GitAsync(_clone.GitOpsRemote, "log", "--all", "--name-only", "--format=") : string.Empty;

        refused.ExitCode.ShouldBe(ExitCodes.Refused, refused.ToString());
        refused.Output.ShouldContain("gate(s) of production did not pass, nothing was written.");
        refused.Output.ShouldContain("promotion: production takes only versions verified in staging (gates.promoteFrom)");
        refused.Output.ShouldContain("app web 1.0.0 (new) is not recorded as verified in releases/staging.yaml");
        refused.Output.ShouldContain("approvals: production needs 3 approval(s) by people other than the author (gates.approvals 2, +1 for high risk: cluster, gitops, infrastructure changed no release recorded: everything is new");
        refused.Output.ShouldContain("to pass: deploy from CI after review");
        created.ShouldBeFalse();
        written.ShouldNotContain("clusters/production");
        written.ShouldNotContain("releases/production.yaml");

        await RecordStagingVerifiedAsync(DateTimeOffset.UtcNow.AddHours(-2));
        await CommitNoRiskApprovalsAsync(); // a first deploy is high risk (+1): two approvals are production's own gates.approvals
        await using FakeCiApi github = await FakeCiApi.StartAsync();
        github.Pulls.Add(FakeCiApi.Pull(7, "carol", Merge, Head));
        github.Reviews.Add(FakeCiApi.Review("alice", "APPROVED", Head, 1));
        github.Reviews.Add(FakeCiApi.Review("carol", "APPROVED", Head, 2));
        BuildRun one = await _clone.RunAsync("Gates --env production --outside-window --reason e2e-any-hour", GitHubActions(github));
        github.Reviews.Add(FakeCiApi.Review("bob", "APPROVED", Head, 3));
        BuildRun two = await _clone.RunAsync("Gates --env production --outside-window --reason e2e-any-hour", GitHubActions(github));

        one.ExitCode.ShouldBe(ExitCodes.Refused, one.ToString());
        one.Output.ShouldContain("1 gate(s) of production did not pass");
        one.Output.ShouldContain("pull request #7 (GitHub, author carol): approved by alice; carol is the author");
        two.ExitCode.ShouldBe(ExitCodes.Success, two.ToString());
        two.Output.ShouldContain("approvals: 2 approval(s): alice, bob");
        two.Output.ShouldContain("promotion: 3 version(s) verified in staging and cooled");
    }

    private static Dictionary<string, string?> GitHubActions(FakeCiApi api) => new()
    {
        ["GITHUB_ACTIONS"] = "true",
        ["CI"] = "true",
        ["GITHUB_API_URL"] = api.BaseAddress.AbsoluteUri,
        ["GITHUB_REPOSITORY"] = "acme/web",
        ["GITHUB_SHA"] = Merge,
        ["GITHUB_REF_NAME"] = "main",
        ["GITHUB_REF_TYPE"] = "branch",
        ["GITHUB_RUN_ID"] = "4242",
        ["GITHUB_ACTOR"] = "carol",
        ["GITHUB_TOKEN"] = "ghs_e2e",
    };

    /// <summary>Commits <c>gates.riskApprovals</c> of zero to production in the clone (a protected environment deploys only committed configuration).</summary>
    private async Task CommitNoRiskApprovalsAsync()
    {
        string file = Path.Combine(_clone.Root, "environments", "production", "env.yaml");
        string text = await File.ReadAllTextAsync(file, Ct);
        await File.WriteAllTextAsync(file, text.Replace("  approvals: 2\n", "  approvals: 2\n  riskApprovals: { high: 0, critical: 0 }\n", StringComparison.Ordinal), Ct);
        (await File.ReadAllTextAsync(file, Ct)).ShouldContain("riskApprovals");
        await _clone.GitAsync(_clone.Root, "-c", "user.name=test", "-c", "user.email=test@localhost", "commit", "-q", "-am", "production: no extra approvals for risk");
    }

    /// <summary>Pushes a staging release log to the clone's GitOps repository in which production's app tags and chart versions were verified at <paramref name="time"/>.</summary>
    private async Task RecordStagingVerifiedAsync(DateTimeOffset time)
    {
        EnvironmentSettings production = EnvironmentSettings.Load(await EnvironmentCatalog.LoadAsync(_clone.Root, Ct), "production");
        var release = new ReleaseRecord
        {
            Id = "staging-1",
            Time = time,
            Who = "ci",
            SourceCommit = Merge,
            GitOpsCommit = "0000000",
            RunId = "1",
            Verified = true,
            Apps = production.Apps.Values.ToDictionary(static a => a.Name, static a => a.ImageReference),
            Charts = production.Platform.Releases.Values.ToDictionary(static r => r.Name, static r => r.Version),
        };
        using var work = new TempDirectory("slipway-gates-gitops");
        string clone = work.Combine("gitops");
        if (!Directory.Exists(_clone.GitOpsRemote))
        {
            await _clone.GitAsync(work.Path, "init", "-q", "--bare", "-b", "main", _clone.GitOpsRemote);
        }

        await _clone.GitAsync(work.Path, "clone", "-q", _clone.GitOpsRemote, clone);
        work.Write("gitops/releases/staging.yaml", ReleaseLog.Serialize(new ReleaseHistory("staging", [release])));
        await _clone.GitAsync(clone, "add", "-A");
        await _clone.GitAsync(clone, "-c", "user.name=test", "-c", "user.email=test@localhost", "commit", "-q", "-m", "staging verified production's versions");
        await _clone.GitAsync(clone, "push", "-q", "origin", "HEAD:refs/heads/main");
    }
}
