namespace Slipway.Freezing;

/// <summary>The resolvers a freeze asks, each speaking its real protocol (and honouring the mirrors it was made with).</summary>
public sealed record FreezeResolvers(IChartResolver Charts, IImageResolver Images, IModuleResolver? Modules = null);
