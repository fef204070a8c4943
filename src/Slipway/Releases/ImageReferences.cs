namespace Slipway.Releases;

/// <summary>Splits the <c>image:tag</c> references a release records.</summary>
public static class ImageReferences
{
    /// <summary>The tag of <c>registry/image:tag</c> (after the last ':' that follows the last '/'); the whole text when it has none.</summary>
    public static string Tag(string imageReference)
    {
        int colon = imageReference.LastIndexOf(':');
        return colon >= 0 && colon > imageReference.LastIndexOf('/') ? imageReference[(colon + 1)..] : imageReference;
    }

    /// <summary>The image of <c>registry/image:tag</c> (before the tag).</summary>
    public static string Image(string imageReference)
    {
        int colon = imageReference.LastIndexOf(':');
        return colon >= 0 && colon > imageReference.LastIndexOf('/') ? imageReference[..colon] : imageReference;
    }
}
