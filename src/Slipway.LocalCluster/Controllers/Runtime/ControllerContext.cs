using Microsoft.Extensions.Logging;
using Slipway.LocalCluster.Images;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Controllers.Runtime;

/// <summary>What every controller shares: the store, the image catalogue's answer, the options, and the kinds it uses.</summary>
internal sealed class ControllerContext
{
    public ControllerContext(IResourceStore store, Func<string, ImageStatus> images, ControllerOptions options)
    {
        Store = store;
        Images = images;
        Options = options;
        Kinds = new Kinds(store);
    }

    public IResourceStore Store { get; }

    public Func<string, ImageStatus> Images { get; }

    public ControllerOptions Options { get; }

    public Kinds Kinds { get; }

    public TimeProvider Clock => Options.TimeProvider;

    public ILogger Log => Options.Log;

    public DateTimeOffset Now => Options.TimeProvider.GetUtcNow();
}
