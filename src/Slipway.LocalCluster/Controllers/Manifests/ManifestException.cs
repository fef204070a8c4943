namespace Slipway.LocalCluster.Controllers.Manifests;

/// <summary>Manifests that cannot be read or applied; the message says which file or object and why, for a Ready=False condition.</summary>
internal sealed class ManifestException : Exception
{
    public ManifestException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
