using System.Text.Json.Serialization;

namespace Slipway.Cluster;

/// <summary>The body of a Kubernetes list call, of which only <c>items</c> is read (see <see cref="RolloutFields"/>).</summary>
internal sealed class RolloutList<T>
{
    [JsonPropertyName("items")]
    public IReadOnlyList<T>? Items { get; set; }
}
