using Shouldly;
using Slipway.IO;
using Xunit;

namespace Slipway.Tests.IO;

public sealed class FileLockTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("slipway-filelock-").FullName;

    private string LockPath => Path.Combine(_directory, "held.lock");

    [Fact]
    public void An_exclusive_hold_excludes_every_other_hold_until_it_is_released()
    {
        using (FileLock? first = FileLock.TryExclusive(LockPath))
        {
            first.ShouldNotBeNull();
            FileLock.TryExclusive(LockPath).ShouldBeNull();
            FileLock.TryShared(LockPath).ShouldBeNull();
        }

        using FileLock? again = FileLock.TryExclusive(LockPath);
        again.ShouldNotBeNull();
    }

    [Fact]
    public void Shared_holds_coexist_and_keep_an_exclusive_hold_out()
    {
        using FileLock? one = FileLock.TryShared(LockPath);
        using FileLock? two = FileLock.TryShared(LockPath);
        one.ShouldNotBeNull();
        two.ShouldNotBeNull();
        FileLock.TryExclusive(LockPath).ShouldBeNull();
    }

    [Fact]
    public async Task Waiting_gives_up_with_null_once_the_holder_keeps_it_past_the_timeout()
    {
        using FileLock? holder = FileLock.TryExclusive(LockPath);
        holder.ShouldNotBeNull();

        FileLock? waited = await FileLock.AcquireAsync(LockPath, TimeSpan.FromMilliseconds(150), TimeProvider.System, TestContext.Current.CancellationToken, TimeSpan.FromMilliseconds(10));

        waited.ShouldBeNull();
    }

    [Fact]
    public async Task Waiting_gets_the_lock_when_the_holder_lets_go()
    {
        FileLock holder = FileLock.TryExclusive(LockPath)!;
        Task<FileLock?> waiting = FileLock.AcquireAsync(LockPath, TimeSpan.FromSeconds(30), TimeProvider.System, TestContext.Current.CancellationToken, TimeSpan.FromMilliseconds(10));
        await Task.Delay(50, TestContext.Current.CancellationToken);
        waiting.IsCompleted.ShouldBeFalse();

        holder.Dispose();
        using FileLock? acquired = await waiting;

        acquired.ShouldNotBeNull();
        acquired.Path.ShouldBe(LockPath);
        File.Exists(LockPath).ShouldBeTrue(); // never deleted: a second file of the same name could be locked apart
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
