using Microsoft.Extensions.Hosting;

namespace Slipway.LocalCluster.Hosting;

/// <summary>A host lifetime that leaves Ctrl+C and SIGTERM to the build: the cluster stops when its handle is disposed.</summary>
internal sealed class QuietHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
