using Slipway.GitOps;

namespace Slipway.Tests.GitOps.Git;

public sealed class LocalGitOpsRemoteTests : IDisposable
{
    private readonly GitFixture _fixture = new();

    [Fact]
    public async Task EnsureAsync_CreatesABareRepositoryWithAReadmeCommit()
    {
        string path = await _fixture.CreateRemoteAsync();

        path.ShouldBe(_fixture.RemotePath);
        GitFixture.Git(path, "rev-parse", "--is-bare-repository").ShouldBe("true");
        GitFixture.Git(path, "symbolic-ref", "HEAD").ShouldBe("refs/heads/main");
        _fixture.RemoteFile("README.md").ShouldContain("GitOps repository");
    }

    [Fact]
    public async Task EnsureAsync_IsIdempotent()
    {
        await _fixture.CreateRemoteAsync();
        string head = _fixture.RemoteHead();

        await _fixture.CreateRemoteAsync();

        _fixture.RemoteHead().ShouldBe(head);
    }

    [Fact]
    public async Task EnsureAsync_RefusesAFolderThatIsNotARepository()
    {
        Directory.CreateDirectory(_fixture.RemotePath);
        await File.WriteAllTextAsync(Path.Combine(_fixture.RemotePath, "x"), "x", TestContext.Current.CancellationToken);

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => _fixture.CreateRemoteAsync());

        error.Message.ShouldContain("is not a git repository");
    }

    public void Dispose() => _fixture.Dispose();
}
