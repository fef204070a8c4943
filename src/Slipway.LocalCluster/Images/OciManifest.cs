using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Slipway.LocalCluster.Images;

/// <summary>
/// The OCI image manifest the local registry serves for an image: deterministic from repository and tag, so the same
/// image always has the same digest (the sha256 of these bytes, as a registry's <c>Docker-Content-Digest</c> is).
/// </summary>
public static class OciManifest
{
    public const string MediaType = "application/vnd.oci.image.manifest.v1+json";

    public static byte[] Build(string repository, string tag)
    {
        string configDigest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{repository}:{tag}")));
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = MediaType,
            ["config"] = new JsonObject
            {
                ["mediaType"] = "application/vnd.oci.image.config.v1+json",
                ["digest"] = configDigest,
                ["size"] = 0,
            },
            ["layers"] = new JsonArray(),
            ["annotations"] = new JsonObject
            {
                ["org.opencontainers.image.ref.name"] = tag,
                ["org.opencontainers.image.source"] = repository,
            },
        };
        return Encoding.UTF8.GetBytes(manifest.ToJsonString());
    }

    public static string Digest(byte[] manifest) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(manifest));
}
