using System.Text.Json.Serialization;

namespace Slipway.BuildTools.Benchmarks;

/// <summary>How a measure's headline figure was obtained, which the document says beside it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FigureKind>))]
public enum FigureKind
{
    /// <summary>The first call in a fresh process, JIT included (median over fresh processes): what a <c>./build.sh</c> run pays.</summary>
    FirstCall,

    /// <summary>A whole process timed from outside (median of several), e.g. a warm <c>./build.sh Validate</c>.</summary>
    WholeProcess,

    /// <summary>A figure of one run in a process that has already done the work once (a rate, a warm median, a memory peak).</summary>
    InProcess,
}
