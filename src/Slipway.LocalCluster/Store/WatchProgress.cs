namespace Slipway.LocalCluster.Store;

/// <summary>
/// The bookmarks a watch asks for: periodic ones every <paramref name="BookmarkInterval"/> (none when null), and with
/// <paramref name="InitialEventsEnd"/> the one that ends the initial <c>Added</c> events of a streaming list.
/// </summary>
public sealed record WatchProgress(TimeSpan? BookmarkInterval, bool InitialEventsEnd)
{
    /// <summary>The annotation of the bookmark that ends the initial events (<c>metav1.InitialEventsAnnotationKey</c>).</summary>
    public const string InitialEventsEndAnnotation = "k8s.io/initial-events-end";
}
