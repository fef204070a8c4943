namespace Slipway.LocalCluster.Store;

/// <summary>A kind the local cluster serves: its API group and version, kind, plural (the URL segment) and scope.</summary>
public sealed record ResourceType(string Group, string Version, string Kind, string Plural, bool Namespaced)
{
    /// <summary><c>v1</c> for the core group, otherwise <c>group/version</c>.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string ListKind => Kind + "List";

    /// <summary>Whether <c>status</c> is a subresource (written only through it); a custom kind has one only when its definition declares it.</summary>
    public bool StatusSubresource { get; init; } = true;
}
