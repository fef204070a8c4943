namespace Slipway.Reporting;

/// <summary>Reports a finished run to the CI system it runs in (GitHub Actions, GitLab CI).</summary>
public interface ICiReporter
{
    /// <summary>The CI system, for messages: "GitHub Actions", "GitLab CI".</summary>
    string System { get; }

    /// <summary>Writes the report; returns the files written (nothing when the CI system gave no file to write to).</summary>
    Task<IReadOnlyList<string>> WriteAsync(CiRunReport report, CancellationToken cancellationToken);
}
