using System.Text.Json;

namespace Slipway.Cluster;

/// <summary>
/// Polls one custom object until its status says the wait is over, or the timeout passes: the loop Flux and Argo CD
/// syncs share. The evaluation returns whether it is done and, if not, where the object stands (for the timeout
/// message); it throws to fail at once.
/// </summary>
internal static class CustomObjectPoller
{
    public static async Task WaitAsync(
        IClusterReader reader,
        CustomResource resource,
        string @namespace,
        string name,
        Func<JsonElement, (bool Done, string State)> evaluate,
        TimeSpan timeout,
        TimeSpan interval,
        TimeProvider time,
        Func<string, SlipwayException> timedOut,
        CancellationToken cancellationToken)
    {
        long started = time.GetTimestamp();
        string last = "no status yet";
        while (true)
        {
            if (await reader.GetCustomObjectAsync(resource, @namespace, name, cancellationToken).ConfigureAwait(false) is { } current)
            {
                (bool done, string state) = evaluate(current);
                if (done)
                {
                    return;
                }

                last = state;
            }

            if (time.GetElapsedTime(started) >= timeout)
            {
                throw timedOut(last);
            }

            await Task.Delay(interval, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
