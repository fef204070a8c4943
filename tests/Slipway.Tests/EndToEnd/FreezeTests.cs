using System.Text.RegularExpressions;
using Slipway.Freezing.Lock;
using Slipway.Targets;

namespace Slipway.Tests.EndToEnd;

/// <summary>
/// Issue 14's acceptance on a fresh clone, through the real <c>./build.sh</c>: Freeze --env production writes exact
/// versions and <c>sha256:</c> digests (asking the local cluster's chart mirror and registry, which it starts), the
/// committed lock is what it writes, --check passes; once <c>apps.web.tag</c> changes in production's env.yaml, Validate
/// and Freeze --check exit 2 naming the key, the old and the new value, and DeployProduction refuses (exit 3) at FreezeCheck.
/// </summary>
public sealed partial class FreezeTests : IClassFixture<BuildScriptClone>
{
    private readonly BuildScriptClone _clone;

    public FreezeTests(BuildScriptClone clone)
    {
        _clone = clone;
    }

    [Fact]
    public async Task Freeze_production_pins_it_and_a_changed_tag_makes_validate_check_and_deploy_refuse()
    {
        string lockPath = VersionLock.FullPath(_clone.Root, "production");
        string committed = await File.ReadAllTextAsync(lockPath, TestContext.Current.CancellationToken);
        File.Delete(lockPath);

        BuildRun freeze = await _clone.RunAsync("Freeze --env production");

        freeze.ExitCode.ShouldBe(ExitCodes.Success, freeze.ToString());
        string written = await File.ReadAllTextAsync(lockPath, TestContext.Current.CancellationToken);
        VersionLock made = VersionLockReader.Parse(written, "versions.lock.yaml");
        made.Entries.Count(e => e.Kind == LockEntryKind.Chart).ShouldBe(2);
        made.Entries.Where(e => e.Kind == LockEntryKind.Chart).ShouldAllBe(e => ExactVersion().IsMatch(e.Resolved) && e.Pin == e.Resolved);
        made.Entries.Single(e => e.Kind == LockEntryKind.Image).Resolved.ShouldMatch("^sha256:[0-9a-f]{64}$");
        made.Entries.ShouldAllBe(e => e.Source.StartsWith("local:/", StringComparison.Ordinal));
        WithoutTimes(written).ShouldBe(WithoutTimes(committed), "the committed lock is not what Freeze writes on a fresh clone");

        BuildRun check = await _clone.RunAsync("Freeze --env production --check");
        check.ExitCode.ShouldBe(ExitCodes.Success, check.ToString());
        BuildRun plan = await _clone.RunAsync("DeployProduction --plan");
        plan.Output.ShouldMatch(@"(?s)Validate .*FreezeCheck .*PlanInfra .*DeployPlatform");

        string envFile = Path.Combine(_clone.Root, "environments", "production", "env.yaml");
        string env = await File.ReadAllTextAsync(envFile, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(envFile, env.Replace("    tag: 1.0.0\n", "    tag: 1.0.1\n", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        foreach ((string arguments, int exit) in new[] { ("Validate --env production", ExitCodes.BadInput), ("Freeze --env production --check", ExitCodes.BadInput), ("DeployProduction", ExitCodes.Refused) })
        {
            BuildRun run = await _clone.RunAsync(arguments);
            run.ExitCode.ShouldBe(exit, run.ToString());
            run.Output.ShouldContain("environments/production/env.yaml:", customMessage: run.ToString());
            run.Output.ShouldContain("apps.web.tag changed since the lock: locked '1.0.0'", customMessage: run.ToString());
            run.Output.ShouldContain("now '1.0.1'", customMessage: run.ToString());
        }
    }

    private static string WithoutTimes(string lockText) => ResolvedAt().Replace(lockText, "resolvedAt: …");

    [GeneratedRegex(@"resolvedAt: ""[^""]*""")]
    private static partial Regex ResolvedAt();

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex ExactVersion();
}
