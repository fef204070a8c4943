namespace Slipway.LocalCluster.Store;

/// <summary>The event types of a Kubernetes watch stream.</summary>
public enum WatchEventType
{
    Added,
    Modified,
    Deleted,

    /// <summary>
    /// Progress only: every change up to the event's resourceVersion has been sent. Streamed only to watches that ask for
    /// bookmarks; its object carries just kind, apiVersion and <c>metadata.resourceVersion</c> (and annotations).
    /// </summary>
    Bookmark,
}
