using Slipway.GitOps.Git;

namespace Slipway.Tests.GitOps.Git;

/// <summary><see cref="IGitOpsRepositoryReader.ContainsAsync"/>: whether a commit of the branch has this run's commit in its history.</summary>
public sealed class GitOpsContainsTests : IDisposable
{
    private readonly GitFixture _fixture = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_later_commit_pushed_by_another_clone_contains_ours_and_an_earlier_one_does_not()
    {
        await _fixture.CreateRemoteAsync();
        string initial = _fixture.RemoteHead();
        IGitOpsRepository ours = _fixture.Open("ours");
        IGitOpsRepository other = _fixture.Open("other");
        PushResult mine = await PushAsync(ours, "clusters/a/x.yaml");
        PushResult later = await PushAsync(other, "clusters/b/x.yaml");

        bool laterContainsMine = await ours.ContainsAsync(later.CommitSha, mine.CommitSha, Ct); // "ours" has not fetched it yet
        bool mineContainsMine = await ours.ContainsAsync(mine.CommitSha, mine.CommitSha, Ct);
        bool initialContainsMine = await ours.ContainsAsync(initial, mine.CommitSha, Ct);
        bool mineContainsLater = await ours.ContainsAsync(mine.CommitSha, later.CommitSha, Ct);
        bool unknown = await ours.ContainsAsync(new string('a', 40), mine.CommitSha, Ct);
        bool notAnId = await ours.ContainsAsync("main", mine.CommitSha, Ct);

        laterContainsMine.ShouldBeTrue();
        mineContainsMine.ShouldBeTrue();
        initialContainsMine.ShouldBeFalse();
        mineContainsLater.ShouldBeFalse();
        unknown.ShouldBeFalse();
        notAnId.ShouldBeFalse();
        GitFixture.Git(Path.Combine(_fixture.Root, "ours"), "status", "--porcelain").ShouldBeEmpty();
    }

    public void Dispose() => _fixture.Dispose();

    private static Task<PushResult> PushAsync(IGitOpsRepository repository, string path)
        => repository.PushChangeAsync(
            async (tree, ct) =>
            {
                await tree.WriteTextAsync(path, "x: 1\n", ct);
                return new ChangeDescription($"write {path}");
            },
            GitFixture.Info(),
            Ct);
}
