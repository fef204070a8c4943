using Slipway.LocalCluster.Images;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Hosting;

/// <summary>What a controller factory gets: the store, the image catalogue, the options and the served address.</summary>
public sealed record LocalClusterContext(IResourceStore Store, IImageCatalog Images, LocalClusterOptions Options, Uri BaseAddress);
