using System.Globalization;
using System.Text.RegularExpressions;
using Slipway.GitOps;
using Slipway.GitOps.Git;
using Slipway.Releases;
using Slipway.Targets;

namespace Slipway.Tests.EndToEnd;

/// <summary>
/// Ten <c>./build.sh Deploy --env eN</c> processes of ten environments (made by NewEnvironment) started at once in one
/// checkout: each serves its own environment's local cluster (one state folder and context each) and they share the checkout's
/// GitOps clone (one push at a time,
/// under the clone lock), each takes its own deploy lease, and Flux applies whatever commit of main is newest. Every run
/// exits 0, every push lands on main as a fast-forward (the remote's reflog), and each release is in releases/eN.yaml.
/// Terraform is skipped (<c>--skip PlanInfra ApplyInfra</c>) to keep the suite short: it does not touch the GitOps remote.
/// Races between separate clones (separate CI runners) are <see cref="GitOps.ParallelDeployPushTests"/>.
/// </summary>
[Collection(DeployFaultsCollection.Name)]
public sealed partial class ParallelDeployTests
{
    private const int Environments = 10;
    private readonly BuildScriptClone _clone;

    public ParallelDeployTests(BuildScriptClone clone)
    {
        _clone = clone;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ten_deploys_of_different_environments_at_once_all_land_without_a_force_push()
    {
        string[] environments = [.. Enumerable.Range(1, Environments).Select(i => $"race{i}")];
        foreach (string environment in environments)
        {
            await NewEnvironmentAsync(environment);
        }

        string remote = await LocalGitOpsRemote.EnsureAsync(_clone.GitOpsRemote, "main", Ct);
        await _clone.GitAsync(remote, "config", "core.logAllRefUpdates", "always");
        string before = (await _clone.GitAsync(remote, "rev-parse", "main")).Trim();

        long started = TimeProvider.System.GetTimestamp();
        BuildRun[] runs = await Task.WhenAll(environments.Select(e => _clone.RunAsync($"Deploy --env {e} --skip PlanInfra ApplyInfra")));
        TestContext.Current.TestOutputHelper?.WriteLine($"{Environments} deploys at once took {TimeProvider.System.GetElapsedTime(started).TotalSeconds:0.0} s.");

        string head = (await _clone.GitAsync(remote, "rev-parse", "main")).Trim();
        string[] reflog = await File.ReadAllLinesAsync(Path.Combine(remote, "logs", "refs", "heads", "main"), Ct);
        var pushed = new List<string>();
        foreach ((string environment, BuildRun run) in environments.Zip(runs))
        {
            run.ExitCode.ShouldBe(ExitCodes.Success, run.ToString());
            run.Output.ShouldContain($"{environment} is live");
            run.Output.ShouldContain($"Recorded release {environment}-1 of {environment}");
            string[] commits = [.. PushedCommit().Matches(run.Output).Select(m => m.Groups[1].Value)];
            commits.Length.ShouldBe(3, $"platform, apps and release of {environment}: {run}");
            pushed.AddRange(commits);
            ReleaseHistory history = ReleaseLog.Parse(environment, await _clone.GitAsync(remote, "show", $"main:{GitOpsPaths.ReleaseLog(environment)}"));
            history.Releases.Select(r => r.Id).ShouldBe([$"{environment}-1"]);
            history.Latest!.Verified.ShouldBeTrue();
        }

        (await _clone.GitAsync(remote, "rev-list", "--count", $"{before}..main")).Trim().ShouldBe(pushed.Count.ToString(CultureInfo.InvariantCulture));
        foreach (string commit in pushed)
        {
            (await IsAncestorAsync(remote, commit, head)).ShouldBeTrue($"pushed {commit} is not in main {head}");
        }

        reflog.Length.ShouldBe(pushed.Count, "one update of main per push");
        foreach (string[] update in reflog.Select(line => line.Split(' ')))
        {
            (await IsAncestorAsync(remote, update[0], update[1])).ShouldBeTrue($"main moved {update[0]} -> {update[1]} without a fast-forward (a force push)");
        }

        await _clone.GitAsync(remote, "fsck", "--full", "--no-progress");
    }

    [GeneratedRegex(@"Pushed ([0-9a-f]{12}) to ")]
    private static partial Regex PushedCommit();

    /// <summary>Creates the environment with NewEnvironment (extending staging) and gives its app a namespace of its own.</summary>
    private async Task NewEnvironmentAsync(string environment)
    {
        BuildRun created = await _clone.RunAsync($"NewEnvironment --name {environment} --extends staging");
        created.ExitCode.ShouldBe(ExitCodes.Success, created.ToString());
        string path = Path.Combine(_clone.Root, "environments", environment, "env.yaml");
        string text = await File.ReadAllTextAsync(path, Ct);
        text.ShouldEndWith("# was environments/staging/env.yaml:16\n", customMessage: "the scaffold ends with the app's replicas");
        await File.WriteAllTextAsync(path, text + $"    namespace: web-{environment}\n", Ct);
    }

    private async Task<bool> IsAncestorAsync(string repository, string ancestor, string descendant)
        => descendant.StartsWith(ancestor, StringComparison.Ordinal)
            || (await _clone.GitAsync(repository, "rev-list", "--count", "--ancestry-path", $"{ancestor}..{descendant}")).Trim() != "0";
}
