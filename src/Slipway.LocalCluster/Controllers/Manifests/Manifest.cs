using System.Text.Json.Nodes;

namespace Slipway.LocalCluster.Controllers.Manifests;

/// <summary>One object read from a file of a source (the file is a path inside the repository).</summary>
internal sealed record Manifest(string File, JsonObject Object);
