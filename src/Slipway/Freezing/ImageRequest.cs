namespace Slipway.Freezing;

/// <summary>
/// An image reference to resolve to a digest: <paramref name="Image"/> is <c>registry/name</c> (as in <c>apps.*.image</c>),
/// <paramref name="Tag"/> the mutable tag, <paramref name="Digest"/> a digest the environment already names (it must agree
/// with the tag's, or the request is bad input).
/// </summary>
public sealed record ImageRequest(string Image, string Tag, string? Digest = null);
