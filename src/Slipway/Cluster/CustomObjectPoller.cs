namespace Slipway.Cluster;

/// <summary>
/// Polls one custom object until its status says the wait is over, or the timeout passes: the loop Flux and Argo CD
/// syncs share. The evaluation returns whether it is done and, if not, where the object stands (for the timeout
/// message); it throws to fail at once.
/// </summary>
internal static class CustomObjectPoller
{
    public static async Task WaitAsync(IClusterCustomObjects objects, CustomObjectWait wait, CancellationToken cancellationToken)
    {
        long started = wait.Time.GetTimestamp();
        string last = "no status yet";
        while (true)
        {
            if (await objects.GetCustomObjectAsync(wait.Resource, wait.Namespace, wait.Name, cancellationToken).ConfigureAwait(false) is { } current)
            {
                (bool done, string state) = wait.Evaluate(current);
                if (done)
                {
                    return;
                }

                last = state;
            }

            foreach (CustomObjectWatch watch in wait.Watches)
            {
                if (await objects.GetCustomObjectAsync(watch.Resource, watch.Namespace, watch.Name, cancellationToken).ConfigureAwait(false) is { } watched
                    && watch.Failure(watched) is { } failure)
                {
                    throw failure;
                }
            }

            if (wait.Time.GetElapsedTime(started) >= wait.Timeout)
            {
                throw wait.TimedOut(last);
            }

            await Task.Delay(wait.Interval, wait.Time, cancellationToken).ConfigureAwait(false);
        }
    }
}
