using System.Security.Cryptography;

namespace Slipway.LocalCluster.Api.OpenApi;

/// <summary>One served OpenAPI document: its UTF-8 JSON, built once, and the hash that is both its ETag and its v3 <c>?hash=</c>.</summary>
internal sealed class OpenApiDocument
{
    public OpenApiDocument(byte[] json)
    {
        Json = json;
        Hash = Convert.ToHexString(SHA512.HashData(json));
        ETag = $"\"{Hash}\"";
    }

    public byte[] Json { get; }

    /// <summary>SHA-512 of <see cref="Json"/> in upper-case hex, as kube-openapi computes it.</summary>
    public string Hash { get; }

    public string ETag { get; }
}
