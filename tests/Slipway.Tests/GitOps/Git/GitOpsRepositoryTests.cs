using Slipway.GitOps;
using Slipway.GitOps.Git;

namespace Slipway.Tests.GitOps.Git;

public sealed class GitOpsRepositoryTests : IDisposable
{
    private readonly GitFixture _fixture = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PushChange_CommitsWithMessageTrailersAndAuthor()
    {
        await _fixture.CreateRemoteAsync();
        IGitOpsRepository repository = _fixture.Open();

        PushResult result = await repository.PushChangeAsync(
            async (tree, ct) =>
            {
                await tree.WriteTextAsync("clusters/staging/apps/web/helm-release.yaml", "tag: staging-123\n", ct);
                return new ChangeDescription("deploy(staging): web staging-122 -> staging-123");
            },
            GitFixture.Info(),
            Ct);

        result.Changed.ShouldBeTrue();
        result.Attempts.ShouldBe(1);
        result.CommitSha.ShouldBe(_fixture.RemoteHead());
        _fixture.RemoteFile("clusters/staging/apps/web/helm-release.yaml").ShouldBe("tag: staging-123");
        GitFixture.Git(_fixture.RemotePath, "log", "-1", "--format=%an <%ae>%n%s").ShouldBe("Ada Lovelace <ada@example.org>\ndeploy(staging): web staging-122 -> staging-123");
        GitFixture.Git(_fixture.RemotePath, "log", "-1", "--format=%(trailers:only,unfold)").ShouldBe(
            "Slipway-Environment: staging\nSlipway-Source-Commit: 0123456789abcdef0123456789abcdef01234567\nSlipway-Run: run-42");
    }

    [Fact]
    public async Task PushChange_NoChange_MakesNoCommit()
    {
        await _fixture.CreateRemoteAsync();
        IGitOpsRepository repository = _fixture.Open();
        Func<IGitOpsWorkTree, CancellationToken, Task<ChangeDescription?>> edit = async (tree, ct) =>
        {
            await tree.WriteTextAsync("a.yaml", "a: 1\n", ct);
            return new ChangeDescription("add a");
        };
        PushResult first = await repository.PushChangeAsync(edit, GitFixture.Info(), Ct);

        PushResult second = await repository.PushChangeAsync(edit, GitFixture.Info(), Ct);

        second.Changed.ShouldBeFalse();
        second.Message.ShouldBeNull();
        second.CommitSha.ShouldBe(first.CommitSha);
        _fixture.RemoteHead().ShouldBe(first.CommitSha);
    }

    [Fact]
    public async Task ReadSnapshot_ClonesThenFetchesWhatOthersPushed()
    {
        await _fixture.CreateRemoteAsync();
        IGitOpsRepository reader = _fixture.Open("reader");
        GitOpsSnapshot before = await reader.ReadSnapshotAsync([], Ct);
        IGitOpsRepository writer = _fixture.Open("writer");
        PushResult pushed = await writer.PushChangeAsync(
            async (tree, ct) =>
            {
                await tree.WriteTextAsync("clusters/dev/x.yaml", "x: 1\n", ct);
                await tree.WriteTextAsync("other/y.yaml", "y: 1\n", ct);
                return new ChangeDescription("add x");
            },
            GitFixture.Info(),
            Ct);

        GitOpsSnapshot after = await reader.ReadSnapshotAsync(["clusters"], Ct);

        before.Files.Keys.ShouldBe(["README.md"]);
        after.CommitSha.ShouldBe(pushed.CommitSha);
        after.Files.Keys.ShouldBe(["clusters/dev/x.yaml"]);
        after.List("clusters/dev").ShouldBe(["clusters/dev/x.yaml"]);
        after.Read("clusters/dev/x.yaml").ShouldBe("x: 1\n");
    }

    [Fact]
    public async Task PushChange_LostRace_RedoesTheEditOnTheNewHeadAndKeepsBothChanges()
    {
        await _fixture.CreateRemoteAsync();
        IGitOpsRepository first = _fixture.Open("first");
        IGitOpsRepository second = _fixture.Open("second");
        int firstEdits = 0;
        var headsSeenByFirst = new List<string?>();

        PushResult result = await first.PushChangeAsync(
            async (tree, ct) =>
            {
                firstEdits++;
                headsSeenByFirst.Add(await tree.ReadTextAsync("log.txt", ct));
                if (firstEdits == 1)
                {
                    // Another pusher wins the race while this edit is being made.
                    await second.PushChangeAsync(
                        async (other, c) =>
                        {
                            await other.WriteTextAsync("log.txt", "second\n", c);
                            return new ChangeDescription("second");
                        },
                        GitFixture.Info(),
                        ct);
                }

                string existing = await tree.ReadTextAsync("log.txt", ct) ?? string.Empty;
                await tree.WriteTextAsync("log.txt", existing + "first\n", ct);
                return new ChangeDescription("first");
            },
            GitFixture.Info(),
            Ct);

        result.Attempts.ShouldBe(2);
        headsSeenByFirst.ShouldBe([null, "second\n"]);
        _fixture.RemoteFile("log.txt").ShouldBe("second\nfirst");
        GitFixture.Git(_fixture.RemotePath, "log", "--format=%s", "main").ShouldBe("first\nsecond\nInitialize the GitOps repository");
    }

    [Fact]
    public async Task PushChange_ManyConcurrentPushers_LoseNoCommit()
    {
        await _fixture.CreateRemoteAsync();
        IGitOpsRepository[] pushers = Enumerable.Range(0, 3).Select(i => _fixture.Open($"pusher{i}", maxPushAttempts: 20)).ToArray();

        await Task.WhenAll(pushers.Select(async (pusher, i) =>
        {
            for (int n = 0; n < 3; n++)
            {
                await pusher.PushChangeAsync(
                    async (tree, ct) =>
                    {
                        await tree.WriteTextAsync($"p{i}/{n}.txt", "x\n", ct);
                        return new ChangeDescription($"p{i} {n}");
                    },
                    GitFixture.Info(),
                    Ct);
            }
        }));

        GitFixture.Git(_fixture.RemotePath, "ls-tree", "-r", "--name-only", "main").Split('\n').Length.ShouldBe(10);
        GitFixture.Git(_fixture.RemotePath, "rev-list", "--count", "main").ShouldBe("10");
    }

    [Fact]
    public async Task PushChange_AlwaysLosing_FailsClearlyAfterBoundedAttempts()
    {
        await _fixture.CreateRemoteAsync();
        IGitOpsRepository loser = _fixture.Open("loser", maxPushAttempts: 3);
        IGitOpsRepository winner = _fixture.Open("winner");
        int n = 0;

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => loser.PushChangeAsync(
            async (tree, ct) =>
            {
                n++;
                await winner.PushChangeAsync(
                    async (other, c) =>
                    {
                        await other.WriteTextAsync("w.txt", $"{n}\n", c);
                        return new ChangeDescription($"winner {n}");
                    },
                    GitFixture.Info(),
                    ct);
                await tree.WriteTextAsync("l.txt", "loser\n", ct);
                return new ChangeDescription("loser");
            },
            GitFixture.Info(),
            Ct));

        n.ShouldBe(3);
        error.Kind.ShouldBe(FailureKind.Failed);
        error.Message.ShouldContain("lost the race");
        error.Message.ShouldContain(_fixture.RemotePath);
        GitFixture.Git(Path.Combine(_fixture.Root, "loser"), "status", "--porcelain").ShouldBeEmpty();
    }

    [Fact]
    public async Task PushChange_EditThrows_LeavesTheWorkTreeClean()
    {
        await _fixture.CreateRemoteAsync();
        IGitOpsRepository repository = _fixture.Open();
        string head = _fixture.RemoteHead();

        await Should.ThrowAsync<InvalidOperationException>(() => repository.PushChangeAsync(
            async (tree, ct) =>
            {
                await tree.WriteTextAsync("half.yaml", "a: 1\n", ct);
                throw new InvalidOperationException("boom");
            },
            GitFixture.Info(),
            Ct));

        _fixture.RemoteHead().ShouldBe(head);
        File.Exists(Path.Combine(_fixture.Root, "clone", "half.yaml")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("local-path")]
    [InlineData("git-daemon")]
    public async Task PushChange_RejectedByAPreReceiveHook_IsAClearErrorAndTheWorkTreeIsReset(string transport)
    {
        await _fixture.CreateRemoteAsync();
        string hook = Path.Combine(_fixture.RemotePath, "hooks", "pre-receive");
        await File.WriteAllTextAsync(hook, "#!/bin/sh\necho 'protected branch' >&2\nexit 1\n", Ct);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        using GitDaemon? daemon = transport == "git-daemon" ? await GitDaemon.StartAsync(_fixture.Root) : null;
        string url = daemon?.Url("remote.git") ?? _fixture.RemotePath;
        IGitOpsRepository repository = _fixture.Open(remote: url);
        string head = _fixture.RemoteHead();

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => repository.PushChangeAsync(
            async (tree, ct) =>
            {
                await tree.WriteTextAsync("a.yaml", "a: 1\n", ct);
                return new ChangeDescription("add a");
            },
            GitFixture.Info(),
            Ct));

        error.Kind.ShouldBe(FailureKind.Failed);
        error.Message.ShouldContain(url);
        error.Message.ShouldContain("rejected the push");
        if (daemon is null)
        {
            error.Message.ShouldContain("protected branch");
        }

        _fixture.RemoteHead().ShouldBe(head);
        string clone = Path.Combine(_fixture.Root, "clone");
        GitFixture.Git(clone, "status", "--porcelain").ShouldBeEmpty();
        GitFixture.Git(clone, "rev-parse", "HEAD").ShouldBe(head);
    }

    [Fact]
    public async Task PushChange_ThroughAGitDaemon_Works()
    {
        await _fixture.CreateRemoteAsync();
        using GitDaemon daemon = await GitDaemon.StartAsync(_fixture.Root);
        IGitOpsRepository repository = _fixture.Open(remote: daemon.Url("remote.git"));

        PushResult result = await repository.PushChangeAsync(
            async (tree, ct) =>
            {
                await tree.WriteTextAsync("a.yaml", "a: 1\n", ct);
                return new ChangeDescription("add a");
            },
            GitFixture.Info(),
            Ct);

        _fixture.RemoteHead().ShouldBe(result.CommitSha);
    }

    [Theory]
    [InlineData("missing-path")]
    [InlineData("closed-port")]
    public async Task PushChange_UnreachableRemote_NamesTheRemoteAndWhatToDo(string kind)
    {
        string remote = kind == "missing-path" ? Path.Combine(_fixture.Root, "nowhere.git") : $"git://127.0.0.1:{GitFixture.FreePort()}/remote.git";
        IGitOpsRepository repository = _fixture.Open(remote: remote);

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => repository.PushChangeAsync(
            (_, _) => Task.FromResult<ChangeDescription?>(null),
            GitFixture.Info(),
            Ct));

        error.Kind.ShouldBe(FailureKind.Failed);
        error.Message.ShouldContain(remote);
        error.Message.ShouldContain("Check the remote's address");
    }

    [Fact]
    public async Task PushChange_CancelledMidEdit_LeavesACleanCloneAndReleasesTheLock()
    {
        await _fixture.CreateRemoteAsync();
        IGitOpsRepository repository = _fixture.Open();
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        await Should.ThrowAsync<OperationCanceledException>(() => repository.PushChangeAsync(
            async (tree, ct) =>
            {
                await tree.WriteTextAsync("half.yaml", "a: 1\n", ct);
                await interrupt.CancelAsync();
                ct.ThrowIfCancellationRequested();
                return new ChangeDescription("never");
            },
            GitFixture.Info(),
            interrupt.Token));
        PushResult next = await repository.PushChangeAsync(
            async (tree, ct) =>
            {
                await tree.WriteTextAsync("whole.yaml", "b: 1\n", ct);
                return new ChangeDescription("whole");
            },
            GitFixture.Info(),
            Ct);

        File.Exists(Path.Combine(_fixture.Root, "clone", "half.yaml")).ShouldBeFalse();
        GitFixture.Git(_fixture.RemotePath, "ls-tree", "--name-only", "main").ShouldBe("README.md\nwhole.yaml");
        next.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task ReadSnapshot_MissingBranch_SaysWhatToDo()
    {
        await _fixture.CreateRemoteAsync();
        IGitOpsRepository repository = Slipway.GitOps.Git.GitOpsRepository.Open(
            new GitOpsRepositoryOptions(_fixture.RemotePath, "production", Path.Combine(_fixture.Root, "clone")),
            new Slipway.Hosting.DictionaryEnvironmentVariables(),
            NullLog.Instance,
            TimeProvider.System);

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => repository.ReadSnapshotAsync([], Ct));

        error.Kind.ShouldBe(FailureKind.Input);
        error.Message.ShouldContain("has no branch 'production'");
    }

    [Fact]
    public async Task PushChange_CloneHeldByAnotherRun_WaitsThenFailsClearly()
    {
        await _fixture.CreateRemoteAsync();
        string clone = Path.Combine(_fixture.Root, "clone");
        using Slipway.IO.FileLock held = await CloneLock.AcquireAsync(clone, TimeSpan.FromSeconds(1), TimeProvider.System, Ct);
        IGitOpsRepository repository = _fixture.Open(networkTimeoutSeconds: 0.3);

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => repository.PushChangeAsync(
            (_, _) => Task.FromResult<ChangeDescription?>(null),
            GitFixture.Info(),
            Ct));

        error.Message.ShouldContain("Another Slipway run");
        error.Message.ShouldContain(clone);
    }

    public void Dispose() => _fixture.Dispose();
}
