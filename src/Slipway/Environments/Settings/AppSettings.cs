namespace Slipway.Environments.Settings;

/// <summary><c>apps.&lt;name&gt;</c>: an application image. Replicas default to 1, the namespace to the app name.</summary>
public sealed record AppSettings(string Name, string Image, string Tag, int Replicas, string Namespace, IReadOnlyList<string> Endpoints)
{
    /// <summary><c>image:tag</c>.</summary>
    public string ImageReference => $"{Image}:{Tag}";

    /// <summary>The digest the tag must have (<c>apps.&lt;name&gt;.digest</c>, set by the lock with <c>freeze.pinDigests</c>): deploys run <c>image:tag@digest</c>.</summary>
    public string? Digest { get; init; }
}
