namespace Slipway.Freezing;

/// <summary>An image tag resolved: <paramref name="Digest"/> (<c>sha256:…</c>) from <c>Docker-Content-Digest</c>, and the registry URL that answered.</summary>
public sealed record ResolvedImage(string Image, string Tag, string Digest, string Source);
