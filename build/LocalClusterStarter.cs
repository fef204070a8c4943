using Slipway;
using Slipway.Cluster.Connection;
using Slipway.LocalCluster.Controllers;
using Slipway.LocalCluster.Hosting;

/// <summary>
/// The local clusters as the delivery domain starts them: one <see cref="LocalClusterHost"/> per environment, with every
/// controller, its state in <c>.nuke/temp/local-cluster/&lt;env&gt;/</c>, its context <c>slipway-&lt;env&gt;</c> in the
/// shared kubeconfig, and the shared image catalogue seeded with the images the domain asks for. Before the first start
/// it sets aside the single cluster of earlier versions (<see cref="SingleClusterState"/>), saying so. Slipway.LocalCluster
/// knows nothing of the domain; this adapter is the one place both meet.
/// </summary>
internal sealed class LocalClusterStarter(ILog? log = null) : ILocalClusterStarter
{
    public static LocalClusterOptions OptionsFor(LocalClusterStartRequest request)
        => LocalClusterLayout.Options(request.SharedDirectory, request.Environment) with
        {
            Controllers = LocalClusterControllers.All,
            SeedImages = request.SeedImages,
            ResetCommand = $"./build.sh LocalCluster --reset --env {request.Environment}",
        };

    public async Task<StartedLocalCluster> StartAsync(LocalClusterStartRequest request, CancellationToken cancellationToken)
    {
        LocalClusterOptions options = OptionsFor(request);
        await SetAsideSingleClusterAsync(request.SharedDirectory, log, cancellationToken);
        LocalClusterHandle handle = await LocalClusterHost.StartAsync(options, cancellationToken);
        return new StartedLocalCluster(handle.BaseAddress, handle.KubeconfigPath, handle.ContextName, handle);
    }

    public Task<bool> RemoveAsync(string sharedDirectory, string environment, CancellationToken cancellationToken)
        => LocalClusterCommands.RemoveAsync(sharedDirectory, environment, cancellationToken);

    /// <summary>Moves the state of the earlier single cluster aside (once), warning where it went.</summary>
    public static async Task SetAsideSingleClusterAsync(string sharedDirectory, ILog? log, CancellationToken cancellationToken)
    {
        if (await SingleClusterState.SetAsideAsync(sharedDirectory, TimeProvider.System.GetUtcNow(), cancellationToken) is string message)
        {
            log?.Warning(message);
        }
    }
}
