using System.Diagnostics;
using LibGit2Sharp;
using Slipway.GitOps.Git;
using Slipway.Processes;

namespace Slipway.Tests.GitOps.Git;

/// <summary>
/// The git-based walk (<see cref="FileHistoryLog"/>: git log streamed, texts from cat-file) against the LibGit2Sharp walk
/// (<see cref="FileHistoryWalk"/>) on a history with merges (clean, conflicted, "ours"), a rename away and back, a delete and a
/// re-add of earlier content, a mode-only change, a folder where the file was, and commits that never touch the file.
/// </summary>
public sealed class FileHistoryLogTests : IDisposable
{
    private const string File = "clusters/production/apps/web/helm-release.yaml";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "slipway-filehistory-" + Guid.NewGuid().ToString("N")[..8]);
    private int _clock;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GitLogWalk_ListsExactlyWhatTheLibGit2WalkLists()
    {
        string tip = BuildHistory();

        IReadOnlyList<FileVersion> expected = ReadWithLibGit2(tip, _ => true);
        IReadOnlyList<FileVersion> actual = await ReadWithGitAsync(tip, _ => true);

        actual.ShouldBe(expected);
        expected.Count.ShouldBe(12);
        expected.Count(v => v.Text is null).ShouldBe(2); // renamed away, deleted (a folder at the path is no version)
        expected.ShouldContain(v => v.Subject == "merge side-b (conflict resolved to v6)" && v.Text == "tag: v6\n");
        expected.ShouldNotContain(v => v.Subject.StartsWith("merge side-a", StringComparison.Ordinal)); // took one side's file as it was
        expected.ShouldNotContain(v => v.Subject == "chmod +x");
        expected.ShouldContain(v => v.Subject == "side-c: v8"); // walked although the merge kept the other side ("ours")
        expected[0].Subject.ShouldBe("re-add: v1 again");
        expected[0].Author.ShouldBe("Grace Hopper");
    }

    [Fact]
    public async Task GitLogWalk_StopsWhereTheCallerStops()
    {
        string tip = BuildHistory();
        int seen = 0;
        Func<FileVersion, bool> untilThird = _ => ++seen < 3;

        IReadOnlyList<FileVersion> expected = ReadWithLibGit2(tip, untilThird);
        seen = 0;
        IReadOnlyList<FileVersion> actual = await ReadWithGitAsync(tip, untilThird);

        actual.Count.ShouldBe(3);
        actual.ShouldBe(expected);
    }

    [Fact]
    public async Task GitLogWalk_UnknownCommit_FailsWithGitsMessage()
    {
        BuildHistory();
        var log = new FileHistoryLog(new ProcessRunner(), _root, TimeSpan.FromSeconds(30));

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => log.ReadAsync(new string('1', 40), File, _ => true, Ct));

        error.Message.ShouldContain("git");
        error.Message.ShouldContain("1111111111111111111111111111111111111111");
    }

    [Fact]
    public async Task Cache_AtAnOlderTip_AddsTheNewCommitsAndListsWhatTheWalkLists()
    {
        string tip = BuildHistory();
        string older = Git("rev-parse", "HEAD~4");
        var cache = new FileHistoryCache(_root, new FileHistoryLog(new ProcessRunner(), _root, TimeSpan.FromSeconds(30)));

        IReadOnlyList<FileVersion> atOlder = await cache.ReadAsync(older, File, Ct);
        IReadOnlyList<FileVersion> atTip = await cache.ReadAsync(tip, File, Ct);
        IReadOnlyList<FileVersion> again = await cache.ReadAsync(tip, File, Ct);

        atOlder.ShouldBe(ReadWithLibGit2(older, _ => true));
        atTip.ShouldBe(ReadWithLibGit2(tip, _ => true));
        again.ShouldBe(atTip);
        atTip.Count.ShouldBeGreaterThan(atOlder.Count);
    }

    [Fact]
    public async Task Cache_AfterAForcePushOrACutShortFile_WalksTheNewTipWhole()
    {
        string tip = BuildHistory();
        var cache = new FileHistoryCache(_root, new FileHistoryLog(new ProcessRunner(), _root, TimeSpan.FromSeconds(30)));
        await cache.ReadAsync(tip, File, Ct);
        Git("reset", "-q", "--hard", "HEAD~6");
        Write(File, "tag: v10\n");
        Commit("rewritten: v10");
        string rewritten = Git("rev-parse", "HEAD");

        IReadOnlyList<FileVersion> afterForcePush = await cache.ReadAsync(rewritten, File, Ct);
        string cached = Directory.GetFiles(Path.Combine(_root, ".git", "slipway-file-history")).Single();
        byte[] bytes = await System.IO.File.ReadAllBytesAsync(cached, Ct);
        await System.IO.File.WriteAllBytesAsync(cached, bytes[..(bytes.Length / 2)], Ct);
        IReadOnlyList<FileVersion> afterCutShort = await cache.ReadAsync(tip, File, Ct);

        afterForcePush.ShouldBe(ReadWithLibGit2(rewritten, _ => true));
        afterForcePush[0].Text.ShouldBe("tag: v10\n");
        afterForcePush.ShouldNotContain(v => v.Subject == "re-add: v1 again");
        afterCutShort.ShouldBe(ReadWithLibGit2(tip, _ => true));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private IReadOnlyList<FileVersion> ReadWithLibGit2(string tip, Func<FileVersion, bool> keepReading)
    {
        using var repository = new Repository(_root);
        return FileHistoryWalk.Read(repository, repository.Lookup<Commit>(tip), File, keepReading, Ct);
    }

    private async Task<IReadOnlyList<FileVersion>> ReadWithGitAsync(string tip, Func<FileVersion, bool> keepReading)
    {
        var log = new FileHistoryLog(new ProcessRunner(), _root, TimeSpan.FromSeconds(30));
        await log.UpdateCommitGraphAsync(tip, Ct);
        return await log.ReadAsync(tip, File, keepReading, Ct);
    }

    /// <summary>Builds the history with the git CLI, each commit a minute after the last (so both walks see one order).</summary>
    private string BuildHistory()
    {
        Directory.CreateDirectory(_root);
        Git("init", "-q", "-b", "main");
        Write("notes.txt", "root without the file\n");
        Commit("root: notes only");
        Write(File, "tag: v1\n");
        Commit("add: v1\n\nwith a body that is not the subject");
        Write("notes.txt", "notes change\n");
        Commit("notes only");
        Write(File, "tag: v2\n");
        Commit("v2", author: "Grace Hopper");

        Git("checkout", "-q", "-b", "side-a");
        Write(File, "tag: v3\n");
        Commit("side-a: v3");
        Git("checkout", "-q", "main");
        Write("other.txt", "other\n");
        Commit("main: other file");
        Merge("side-a", "merge side-a (clean, takes v3)");

        Git("checkout", "-q", "-b", "side-b");
        Write(File, "tag: v4\n");
        Commit("side-b: v4");
        Git("checkout", "-q", "main");
        Write(File, "tag: v5\n");
        Commit("main: v5");
        Git(Env(), "merge", "-q", "--no-ff", "--no-commit", "side-b", "-m", "unused", "--strategy-option=ours");
        Write(File, "tag: v6\n");
        Git("add", "-A");
        Commit("merge side-b (conflict resolved to v6)", allowEmpty: true);

        Git("mv", File, "clusters/production/apps/web/renamed.yaml");
        Commit("rename away");
        Git("mv", "clusters/production/apps/web/renamed.yaml", File);
        Write(File, "tag: v7\n");
        Commit("rename back: v7");

        Git("update-index", "--chmod=+x", File);
        Commit("chmod +x", stage: false);

        Git("checkout", "-q", "-b", "side-c");
        Write(File, "tag: v8\n");
        Commit("side-c: v8");
        Git("checkout", "-q", "main");
        Write(File, "tag: v9\n");
        Commit("main: v9");
        Git(Env(), "merge", "-q", "--no-ff", "-s", "ours", "side-c", "-m", "merge side-c (ours)");

        Git("rm", "-q", File);
        Commit("delete");
        Write(File + "/inside.yaml", "a folder where the file was\n");
        Commit("folder at the path");
        Write(File + "/inside.yaml", "the folder changes\n");
        Commit("folder changes");
        Git("rm", "-q", "-r", File);
        Write(File, "tag: v1\n");
        Commit("re-add: v1 again", author: "Grace Hopper");
        Write("notes.txt", "last\n");
        Commit("notes at the tip");
        return Git("rev-parse", "HEAD");
    }

    private void Write(string path, string text)
    {
        string full = Path.Combine(_root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, text);
    }

    private void Commit(string message, string author = "Ada Lovelace", bool allowEmpty = false, bool stage = true)
    {
        if (stage)
        {
            Git("add", "-A");
        }

        Git(Env(author), ["commit", "-q", "-m", message, .. allowEmpty ? new[] { "--allow-empty" } : []]);
    }

    private void Merge(string branch, string message) => Git(Env(), "merge", "-q", "--no-ff", branch, "-m", message);

    private Dictionary<string, string> Env(string author = "Ada Lovelace")
    {
        string date = $"{1_700_000_000 + (++_clock * 60)} +0100";
        return new()
        {
            ["GIT_AUTHOR_NAME"] = author,
            ["GIT_AUTHOR_EMAIL"] = "dev@example.org",
            ["GIT_COMMITTER_NAME"] = author,
            ["GIT_COMMITTER_EMAIL"] = "dev@example.org",
            ["GIT_AUTHOR_DATE"] = date,
            ["GIT_COMMITTER_DATE"] = date,
        };
    }

    private string Git(params string[] arguments) => Git(Env(), arguments);

    private string Git(Dictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = _root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach ((string key, string value) in environment)
        {
            start.Environment[key] = value;
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, $"git {string.Join(' ', arguments)}: {error}");
        return output.TrimEnd();
    }
}
