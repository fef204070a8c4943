namespace Slipway.Processes;

/// <summary>One process to run: never through a shell, always with a timeout.</summary>
public sealed record ProcessRequest(string FileName, IReadOnlyList<string> Arguments)
{
    public string? WorkingDirectory { get; init; }

    /// <summary>Variables added to (or, with a null value, removed from) the inherited environment.</summary>
    public IReadOnlyDictionary<string, string?> EnvironmentVariables { get; init; } = new Dictionary<string, string?>();

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Which exit codes count as success; default: only 0. Tools whose code carries meaning pass their own.</summary>
    public Func<int, bool> IsSuccess { get; init; } = static code => code == 0;

    /// <summary>Values masked as *** in the echoed command line, in streamed output and in error messages.</summary>
    public IReadOnlyCollection<string> Secrets { get; init; } = [];

    /// <summary>
    /// Keep standard output in the successful result as the tool wrote it (machine-readable output a later step needs whole,
    /// such as <c>terraform output -json</c>); echoed lines and failure messages stay masked. The caller must mask what it shows.
    /// </summary>
    public bool KeepsOutputUnmasked { get; init; }

    /// <summary>Called with each line of standard output and error as it arrives (already masked).</summary>
    public Action<string>? OnOutputLine { get; init; }

    /// <summary>How long to wait after the graceful signal (SIGINT) before killing the process tree.</summary>
    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromSeconds(10);
}
