using Slipway.GitOps;
using Slipway.GitOps.Git;
using Slipway.Hosting;
using Slipway.Releases;
using Slipway.Tests.Support;

namespace Slipway.Tests.GitOps;

/// <summary>
/// Ten (and twenty: docs/scale.md) deploys of as many environments, each from its own clone (as ten CI runners have their own checkout), racing to push
/// their apps and then their release record to one GitOps remote with the options a real run uses (default retry count
/// and backoff): every push lands, none is forced, and each environment's release is in <c>releases/&lt;env&gt;.yaml</c>.
/// </summary>
public sealed class ParallelDeployPushTests : IDisposable
{
    private readonly GitFixture _fixture = new();
    private readonly RecordingLog _log = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(10)]
    [InlineData(20)]
    public async Task Environments_pushing_at_once_all_land_without_a_force_push(int environments)
    {
        string remote = await _fixture.CreateRemoteAsync();
        GitFixture.Git(remote, "config", "core.logAllRefUpdates", "always");
        string initial = _fixture.RemoteHead();
        using var start = new Barrier(environments);

        (string Environment, PushResult Apps, PushResult Release)[] deploys = await Task.WhenAll(
            Enumerable.Range(1, environments).Select(i => Task.Run(() => DeployAsync($"e{i}", start), Ct)));

        string head = _fixture.RemoteHead();
        IReadOnlyList<(string Old, string New)> updates = RemoteReflog(remote);
        int lostRaces = deploys.Sum(d => d.Apps.Attempts - 1 + d.Release.Attempts - 1);
        int mostAttempts = deploys.Max(d => Math.Max(d.Apps.Attempts, d.Release.Attempts));
        TestContext.Current.TestOutputHelper?.WriteLine($"{environments} environments, {2 * environments} pushes, {lostRaces} lost races redone, at most {mostAttempts} attempts for one push.");

        GitFixture.Git(remote, "rev-list", "--count", "main").ShouldBe((1 + (2 * environments)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach ((string environment, PushResult apps, PushResult release) in deploys)
        {
            apps.Changed.ShouldBeTrue(environment);
            release.Changed.ShouldBeTrue(environment);
            IsAncestor(remote, apps.CommitSha, head).ShouldBeTrue($"{environment}'s apps commit {apps.CommitSha} is not in main");
            IsAncestor(remote, release.CommitSha, head).ShouldBeTrue($"{environment}'s release commit {release.CommitSha} is not in main");
            ReleaseHistory history = ReleaseLog.Parse(environment, _fixture.RemoteFile(GitOpsPaths.ReleaseLog(environment)));
            history.Releases.Select(r => r.Id).ShouldBe([$"{environment}-1"]);
            history.Latest!.GitOpsCommit.ShouldBe(apps.CommitSha);
        }

        updates.Count.ShouldBe(2 * environments, "one reflog entry per push");
        updates[0].Old.ShouldBe(initial);
        updates.ShouldAllBe(u => IsAncestor(remote, u.Old, u.New), "every update of main is a fast-forward (no force push)");
        GitFixture.Git(remote, "fsck", "--full", "--no-progress");
        _log.Lines.ShouldNotContain(l => l.Contains("lost the race to other pushes", StringComparison.Ordinal));
    }

    public void Dispose() => _fixture.Dispose();

    private static bool IsAncestor(string repository, string ancestor, string descendant)
        => ancestor == descendant || GitFixture.Git(repository, "rev-list", "--ancestry-path", "--count", $"{ancestor}..{descendant}") != "0";

    /// <summary>The remote's reflog of main, oldest first: (old, new) of every update.</summary>
    private static IReadOnlyList<(string Old, string New)> RemoteReflog(string remote)
        => [.. File.ReadAllLines(Path.Combine(remote, "logs", "refs", "heads", "main"))
            .Select(line => line.Split(' '))
            .Select(parts => (parts[0], parts[1]))];

    /// <summary>A deploy's two pushes from the environment's own clone: the apps (SyncApps), then the release record.</summary>
    private async Task<(string, PushResult, PushResult)> DeployAsync(string environment, Barrier start)
    {
        var repository = new PushRecordingRepository(GitOpsRepository.Open(
            new GitOpsRepositoryOptions(_fixture.RemotePath, "main", Path.Combine(_fixture.Root, environment)),
            new DictionaryEnvironmentVariables(),
            _log,
            TimeProvider.System));
        var deployer = new GitOpsDeployer(repository, new GitOpsEnvironment(environment, GitOpsEngine.Flux, _fixture.RemotePath, "main"));
        CommitInfo info = GitFixture.Info(environment);
        start.SignalAndWait(Ct);

        GitOpsDeployResult apps = await deployer.SyncAppsAsync([new AppRelease("web", "registry.local/web", $"{environment}-1", 1, $"web-{environment}")], info, Ct);
        var recorder = new ReleaseRecorder(repository, TimeProvider.System);
        var input = new ReleaseInput
        {
            Who = "ci",
            SourceCommit = info.SourceCommit,
            GitOpsCommit = apps.CommitSha,
            RunId = $"run-{environment}",
            Verified = true,
            Apps = new Dictionary<string, string> { ["web"] = $"registry.local/web:{environment}-1" },
            Charts = new Dictionary<string, string>(),
        };
        await recorder.RecordAsync(environment, input, info, Ct);
        return (environment, apps.Push, repository.Pushes[^1]);
    }

    /// <summary>The repository a deploy uses, keeping what each of its pushes returned (commit, attempts).</summary>
    private sealed class PushRecordingRepository(IGitOpsRepository inner) : DelegatingGitOpsRepository(inner)
    {
        public List<PushResult> Pushes { get; } = [];

        public override async Task<PushResult> PushChangeAsync(Func<IGitOpsWorkTree, CancellationToken, Task<ChangeDescription?>> edit, CommitInfo info, CancellationToken cancellationToken)
        {
            PushResult result = await base.PushChangeAsync(edit, info, cancellationToken);
            Pushes.Add(result);
            return result;
        }
    }
}
