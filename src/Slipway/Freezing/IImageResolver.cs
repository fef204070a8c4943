namespace Slipway.Freezing;

/// <summary>
/// Resolves image tags to digests through the OCI Distribution API (<c>HEAD /v2/&lt;name&gt;/manifests/&lt;tag&gt;</c> with the
/// manifest <c>Accept</c> types, the bearer-token challenge, credentials by <c>${env:…}</c> reference). A missing tag (404),
/// a registry that refuses without credentials (401) or a tag/digest disagreement is <see cref="FailureKind.Input"/>;
/// an unreachable registry is <see cref="FailureKind.Failed"/> naming the URL.
/// </summary>
public interface IImageResolver
{
    Task<ResolvedImage> ResolveAsync(ImageRequest request, CancellationToken cancellationToken);
}
