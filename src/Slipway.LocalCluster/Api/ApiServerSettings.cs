namespace Slipway.LocalCluster.Api;

/// <summary>How the API server listens and watches: its port on 127.0.0.1 (0: any free one) and the interval of watch bookmarks.</summary>
internal sealed record ApiServerSettings(int Port, TimeSpan WatchBookmarkInterval);
