using Slipway.Environments.Yaml;

namespace Slipway.Environments;

/// <summary>A parent named in <c>extends</c>, with where it was written.</summary>
public sealed record LayerReference(string Name, SourceLocation Location);
