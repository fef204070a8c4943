using Slipway.GitOps.Git;

namespace Slipway.Tests.GitOps.Git;

/// <summary>A damaged or replaced GitOps remote (real git): the real cause named, the command that fixes it, nothing half-done.</summary>
public sealed class GitOpsRemoteFaultTests : IDisposable
{
    private readonly GitFixture _fixture = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_remote_missing_an_object_is_named_corrupt_with_fsck_and_the_repair_not_blamed_on_hooks()
    {
        await _fixture.CreateRemoteAsync();
        IGitOpsRepository repository = _fixture.Open();
        await repository.PushChangeAsync(
            async (tree, ct) =>
            {
                // a root tree large enough that git sends the next one as a delta against it (a thin pack)
                for (int i = 0; i < 60; i++)
                {
                    await tree.WriteTextAsync($"app-{i:00}.yaml", $"app: {i}\n", ct);
                }

                return new ChangeDescription("sixty apps");
            },
            GitFixture.Info(),
            Ct);
        string head = _fixture.RemoteHead();
        string tree = GitFixture.Git(_fixture.RemotePath, "rev-parse", "main^{tree}");
        File.Delete(Path.Combine(_fixture.RemotePath, "objects", tree[..2], tree[2..]));

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => PushAsync(repository, "b.yaml", "b: 1\n"));

        error.Kind.ShouldBe(FailureKind.Failed);
        error.Message.ShouldContain($"The GitOps remote {_fixture.RemotePath} is corrupt");
        error.Message.ShouldContain("This is not a hook or branch protection");
        error.Message.ShouldContain($"git -C {_fixture.RemotePath} fsck --full");
        error.Message.ShouldContain("repack -a -d && cp ");
        _fixture.RemoteHead().ShouldBe(head);
        string clone = Path.Combine(_fixture.Root, "clone");
        GitFixture.Git(clone, "status", "--porcelain").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_branch_replaced_by_unrelated_history_is_refused_and_the_clone_keeps_the_old_tip()
    {
        await _fixture.CreateRemoteAsync();
        IGitOpsRepository repository = _fixture.Open();
        await PushAsync(repository, "a.yaml", "a: 1\n");
        string before = _fixture.RemoteHead();
        string other = Path.Combine(_fixture.Root, "other");
        GitFixture.Git(_fixture.Root, "init", "-q", "-b", "main", other);
        await File.WriteAllTextAsync(Path.Combine(other, "x.txt"), "x\n", Ct);
        GitFixture.Git(other, "add", "-A");
        GitFixture.Git(other, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "unrelated");
        GitFixture.Git(other, "push", "-qf", _fixture.RemotePath, "main:main");
        string replaced = _fixture.RemoteHead();

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => PushAsync(repository, "b.yaml", "b: 1\n"));

        error.Kind.ShouldBe(FailureKind.Refused);
        error.Message.ShouldContain("now has history unrelated to what Slipway last saw there");
        error.Message.ShouldContain($"+{before}:refs/heads/main");
        error.Message.ShouldContain("rm -rf ");
        _fixture.RemoteHead().ShouldBe(replaced);
        GitFixture.Git(Path.Combine(_fixture.Root, "clone"), "rev-parse", "refs/remotes/origin/main").ShouldBe(before);
    }

    public void Dispose() => _fixture.Dispose();

    private static Task<PushResult> PushAsync(IGitOpsRepository repository, string path, string content)
        => repository.PushChangeAsync(
            async (tree, ct) =>
            {
                await tree.WriteTextAsync(path, content, ct);
                return new ChangeDescription("change " + path);
            },
            GitFixture.Info(),
            Ct);
}
