namespace Slipway.LocalCluster.Store;

/// <summary>The field managers of the local cluster's own writers, as <c>metadata.managedFields</c> names them.</summary>
public static class FieldManagers
{
    /// <summary>A write through <see cref="IResourceStore"/> that named no manager (tests, state import).</summary>
    public const string Unnamed = "slipway-local-cluster";
}
