using System.Text.Json.Serialization;

namespace Slipway.BuildTools.Benchmarks;

/// <summary>How a figure is compared with a goal's target.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GoalComparison>))]
public enum GoalComparison
{
    AtMost,
    LessThan,
    AtLeast,
}
