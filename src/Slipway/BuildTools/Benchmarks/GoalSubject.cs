using System.Text.Json.Serialization;

namespace Slipway.BuildTools.Benchmarks;

/// <summary>
/// What a goal is about: the measure's figure (the first call in a fresh process where it has one), its ratio to the
/// baseline, or its warm figure in process (for a goal an issue states that way, the first call reported beside it).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<GoalSubject>))]
public enum GoalSubject
{
    Figure,
    Ratio,
    Warm,
}
