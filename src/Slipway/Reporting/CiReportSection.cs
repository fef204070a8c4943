namespace Slipway.Reporting;

/// <summary>A part of the run summary written by a target (the infrastructure plan, the change impact, the verification), as Markdown, under
/// <see cref="Heading"/> (null: the Markdown brings its own).</summary>
public sealed record CiReportSection(string? Heading, string Markdown);
