namespace Slipway.Tests.Support;

/// <summary>
/// The one fake clock of the tests: a time of day that stands still where a test puts it (<see cref="At"/>), or the real
/// time of day with timers that never fire (<see cref="Stalled"/>: a run whose lease renewal is stuck, a paused or dying
/// process, while the lease expires in real time on the server's side).
/// </summary>
public sealed class TestClock : TimeProvider
{
    private readonly bool _stalled;
    private DateTimeOffset? _now;

    private TestClock(DateTimeOffset? now, bool stalled)
    {
        _now = now;
        _stalled = stalled;
    }

    /// <summary>The time this clock reads; setting it moves the clock (it stays there).</summary>
    public DateTimeOffset Now
    {
        get => _now ?? TimeProvider.System.GetUtcNow();
        set => _now = value;
    }

    public static TestClock At(DateTimeOffset now) => new(now, stalled: false);

    public static TestClock Stalled() => new(now: null, stalled: true);

    public override DateTimeOffset GetUtcNow() => Now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        => _stalled ? new NeverTimer() : base.CreateTimer(callback, state, dueTime, period);

    private sealed class NeverTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
