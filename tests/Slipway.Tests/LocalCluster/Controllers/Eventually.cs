namespace Slipway.Tests.LocalCluster.Controllers;

/// <summary>Polls until a condition holds, for at most a bounded time; fails with what it saw last.</summary>
internal static class Eventually
{
    private static readonly TimeSpan s_limit = TimeSpan.FromSeconds(15);

    public static Task<T> Until<T>(Func<T> probe, Func<T, bool> done, string what)
        => Until(() => Task.FromResult(probe()), done, what);

    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, string what)
    {
        DateTime end = DateTime.UtcNow + s_limit;
        T last = await probe();
        while (!done(last))
        {
            if (DateTime.UtcNow > end)
            {
                throw new ShouldAssertException($"Gave up waiting for {what}; last seen: {Describe(last)}");
            }

            await Task.Delay(10, TestContext.Current.CancellationToken);
            last = await probe();
        }

        return last;
    }

    private static string Describe<T>(T value)
        => value is System.Text.Json.Nodes.JsonNode node ? node.ToJsonString() : value?.ToString() ?? "null";
}
