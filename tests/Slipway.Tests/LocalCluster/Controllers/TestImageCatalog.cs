using System.Collections.Concurrent;
using Slipway.LocalCluster.Images;

namespace Slipway.Tests.LocalCluster.Controllers;

/// <summary>A catalogue the test fills: images not added are missing.</summary>
internal sealed class TestImageCatalog : IImageCatalog
{
    private readonly ConcurrentDictionary<string, ImageStatus> _images = new(StringComparer.Ordinal);

    public TestImageCatalog Add(string image, ImageStatus status = ImageStatus.Present)
    {
        _images[image] = status;
        return this;
    }

    public ImageStatus Lookup(string imageRef) => _images.GetValueOrDefault(imageRef, ImageStatus.Missing);
}
