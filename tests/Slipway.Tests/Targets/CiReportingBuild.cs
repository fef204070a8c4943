using Slipway.Hosting;
using Slipway.Reporting;
using Slipway.Targets;

namespace Slipway.Tests.Targets;

/// <summary>
/// A build that reports its run to the CI system as build/Build.Reporting.cs does (through src/Slipway/Reporting), for a
/// simulated GitHub Actions run and GitLab job: Restore succeeds, Deploy fails with a message that needs escaping.
/// </summary>
public sealed class CiReportingBuild : BuildBase
{
    [Secret]
    [Parameter("API token")]
    public string? Token;

    public RunOutcome? Outcome { get; private set; }

    public Target Restore => _ => _.Executes(() => Output.Info("restored"));

    public Target Deploy => _ => _
        .DependsOn(Restore)
        .Executes(() => throw new BuildException($"deploy failed: 100% broken\r\nsecond line, token {Token}"));

    public Target Notify => _ => _.DependsOn(Deploy).Executes(() => Output.Info("notified"));

    protected internal override async Task OnRunReportedAsync(RunOutcome outcome, CancellationToken cancellationToken)
    {
        Outcome = outcome;
        if (CiReporters.Detect(new DictionaryEnvironmentVariables(EnvironmentVariables), RootDirectory) is { } reporter)
        {
            var report = new CiRunReport("Slipway " + string.Join(" ", RequestedTargets), [.. outcome.Targets.Select(ToLine)], outcome.Total, outcome.ExitCode)
            {
                Sections = [new CiReportSection("Verification of staging", "3/3 ready")],
                Outputs = [new CiOutput("released-tags", ["web=1.2.3", "api=2.0.0"]), new CiOutput("gitops-commit", "0123abc")],
            };
            await reporter.WriteAsync(report, cancellationToken);
        }
    }

    private static CiTargetLine ToLine(TargetOutcome target)
        => new(target.Name, target.Status.ToString(), target.Status is TargetStatus.Succeeded or TargetStatus.Failed ? target.Duration : null, target.Reason, target.Error);
}
