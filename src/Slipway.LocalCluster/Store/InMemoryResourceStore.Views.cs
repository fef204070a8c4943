namespace Slipway.LocalCluster.Store;

public sealed partial class InMemoryResourceStore
{
    /// <summary>A stored object of a view's source kind, as the view shows it.</summary>
    private static StoredObject Shown(ResourceType type, ResourceView view, StoredObject source)
        => new(type, source.Namespace, source.Name, source.ResourceVersion, view.ToView(source.Object));
}
