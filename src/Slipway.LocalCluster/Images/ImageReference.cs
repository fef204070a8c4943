namespace Slipway.LocalCluster.Images;

/// <summary>
/// A parsed image reference: <c>registry.local/web:1.2</c>, <c>web:1.2</c>, <c>web@sha256:…</c>. A repository without a
/// registry host (its first segment has no '.' or ':' and is not <c>localhost</c>) lives in <see cref="ImageCatalog.DefaultRegistry"/>.
/// </summary>
public sealed record ImageReference(string Repository, string? Tag, string? Digest)
{
    public static ImageReference Parse(string reference)
    {
        string rest = reference.Trim();
        string? digest = null;
        int at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
        }

        string? tag = null;
        int colon = rest.LastIndexOf(':');
        if (colon > rest.LastIndexOf('/'))
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
        }

        if (tag is null && digest is null)
        {
            tag = "latest";
        }

        return new ImageReference(NormalizeRepository(rest), tag, digest);
    }

    /// <summary>Puts a repository without a registry host into the default registry; lower-cases nothing (names are lower case).</summary>
    public static string NormalizeRepository(string repository)
    {
        string trimmed = repository.Trim().Trim('/');
        int slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        string first = slash < 0 ? "" : trimmed[..slash];
        bool hasRegistry = first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost";
        return hasRegistry ? trimmed : $"{ImageCatalog.DefaultRegistry}/{trimmed}";
    }
}
