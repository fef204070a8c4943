namespace Slipway.BuildTools.Benchmarks;

/// <summary>The machine the figures come from, as the document's header shows it.</summary>
public sealed record MachineDescription
{
    public int Cores { get; init; }

    public long MemoryBytes { get; init; }

    public string OperatingSystem { get; init; } = string.Empty;

    public string DotNet { get; init; } = string.Empty;

    public string Terraform { get; init; } = string.Empty;

    public string Jq { get; init; } = string.Empty;

    /// <summary>The 1-minute load average when the run started and when it ended (/proc/loadavg): how busy the machine was.</summary>
    public string Load { get; init; } = string.Empty;

    public override string ToString()
        => $"{Cores} cores, {MemoryBytes / (1024.0 * 1024 * 1024):0} GiB, {OperatingSystem}, .NET {DotNet}, terraform {Terraform}, jq {Jq}";
}
