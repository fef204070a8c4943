using System.Security.Cryptography;
using System.Text;
using Slipway.Freezing;

namespace Slipway.Tests.Freezing.Lock;

/// <summary>
/// A hand-written image resolver answering from a table, for the lock's own tests while the OCI resolver (branch h/resolve)
/// is not merged: an image tag resolves to a digest of its name and tag (or of what <see cref="Retag"/> set).
/// </summary>
internal sealed class TableImageResolver : IImageResolver
{
    private readonly Dictionary<string, string> _images = new(StringComparer.Ordinal);

    /// <summary>The tag now points at other content: its digest changes.</summary>
    public void Retag(string image, string tag, string content) => _images[$"{image}:{tag}"] = content;

    public Task<ResolvedImage> ResolveAsync(ImageRequest request, CancellationToken cancellationToken)
    {
        string content = _images.TryGetValue($"{request.Image}:{request.Tag}", out string? c) ? c : $"{request.Image}:{request.Tag}";
        string digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
        return Task.FromResult(new ResolvedImage(request.Image, request.Tag, digest, $"https://{request.Image.Split('/')[0]}/v2/"));
    }
}
