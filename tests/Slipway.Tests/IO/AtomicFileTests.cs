using Slipway.IO;
using Slipway.Tests.Support;

namespace Slipway.Tests.IO;

public sealed class AtomicFileTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_file_written_through_a_stream_replaces_the_old_one_whole()
    {
        using var temp = new TempDirectory();
        string path = Path.Combine(temp.Path, "state.json");
        await File.WriteAllTextAsync(path, "old", Ct);

        await AtomicFile.WriteAsync(path, async (stream, token) =>
        {
            await stream.WriteAsync("{\"a\":"u8.ToArray(), token);
            await stream.WriteAsync("1}"u8.ToArray(), token);
        }, Ct);

        (await File.ReadAllTextAsync(path, Ct)).ShouldBe("{\"a\":1}");
        Directory.GetFiles(temp.Path).ShouldBe([path]);
    }

    [Fact]
    public async Task A_write_that_fails_half_way_leaves_the_old_file_and_no_temp_file()
    {
        using var temp = new TempDirectory();
        string path = Path.Combine(temp.Path, "state.json");
        await File.WriteAllTextAsync(path, "old", Ct);

        await Should.ThrowAsync<InvalidOperationException>(() => AtomicFile.WriteAsync(path, async (stream, token) =>
        {
            await stream.WriteAsync("{\"half\":"u8.ToArray(), token);
            throw new InvalidOperationException("the snapshot failed");
        }, Ct));

        (await File.ReadAllTextAsync(path, Ct)).ShouldBe("old");
        Directory.GetFiles(temp.Path).ShouldBe([path]);
    }
}
