using Microsoft.Extensions.Logging;
using Slipway.LocalCluster.Images;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Controllers.Runtime;

/// <summary>What every controller shares: the store, the image catalogue's answer, the options, the kinds it uses, and the Event recorder.</summary>
internal sealed class ControllerContext
{
    public ControllerContext(IResourceStore store, Func<string, ImageStatus> images, ControllerOptions options)
    {
        Store = store;
        Images = images;
        Options = options;
        Kinds = new Kinds(store);
        Events = EventRecorder.For(store, options.TimeProvider);
    }

    public IResourceStore Store { get; }

    public Func<string, ImageStatus> Images { get; }

    public ControllerOptions Options { get; }

    public Kinds Kinds { get; }

    /// <summary>Where every controller writes its Events (one recorder per store, so repeats aggregate).</summary>
    public EventRecorder Events { get; }

    public TimeProvider Clock => Options.TimeProvider;

    public ILogger Log => Options.Log;

    public DateTimeOffset Now => Options.TimeProvider.GetUtcNow();
}
