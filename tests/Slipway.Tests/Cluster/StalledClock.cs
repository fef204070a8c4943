namespace Slipway.Tests.Cluster;

/// <summary>
/// The real time of day, but timers that never fire: a run whose lease renewal is stuck (a paused or dying process),
/// while the lease expires in real time on the server's side.
/// </summary>
public sealed class StalledClock : TimeProvider
{
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => new NeverTimer();

    private sealed class NeverTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
