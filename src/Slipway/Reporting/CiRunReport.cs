namespace Slipway.Reporting;

/// <summary>What a run tells its CI system: the targets, the sections targets wrote, and the outputs for later steps.</summary>
public sealed record CiRunReport(string Title, IReadOnlyList<CiTargetLine> Targets, TimeSpan Total, int ExitCode)
{
    public IReadOnlyList<CiReportSection> Sections { get; init; } = [];

    public IReadOnlyList<CiOutput> Outputs { get; init; } = [];

    public bool Succeeded => ExitCode == 0;
}
