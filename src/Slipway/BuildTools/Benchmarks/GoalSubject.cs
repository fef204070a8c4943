using System.Text.Json.Serialization;

namespace Slipway.BuildTools.Benchmarks;

/// <summary>What a goal is about: the measure's figure or its ratio to the baseline.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GoalSubject>))]
public enum GoalSubject
{
    Figure,
    Ratio,
}
