using System.Globalization;
using System.Runtime.InteropServices;
using Slipway.Processes;

namespace Slipway.BuildTools.Benchmarks;

/// <summary>Describes the machine for the document: cores, memory, OS, .NET, terraform and jq versions, load.</summary>
public sealed class MachineProbe
{
    private readonly IProcessRunner _processes;

    public MachineProbe(IProcessRunner processes)
    {
        _processes = processes;
    }

    public async Task<MachineDescription> DescribeAsync(CancellationToken cancellationToken)
        => new()
        {
            Cores = Environment.ProcessorCount,
            MemoryBytes = MemoryBytes(),
            OperatingSystem = OperatingSystemName(),
            DotNet = $"SDK {await VersionAsync("dotnet", ["--version"], cancellationToken).ConfigureAwait(false)}, runtime {RuntimeInformation.FrameworkDescription.Replace(".NET ", string.Empty, StringComparison.Ordinal)}",
            Terraform = (await VersionAsync("terraform", ["version"], cancellationToken).ConfigureAwait(false)).Replace("Terraform v", string.Empty, StringComparison.Ordinal),
            Jq = (await VersionAsync("jq", ["--version"], cancellationToken).ConfigureAwait(false)).Replace("jq-", string.Empty, StringComparison.Ordinal),
            Load = LoadAverage(),
        };

    /// <summary>The 1-minute load average now (/proc/loadavg), or empty where there is none.</summary>
    public static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : string.Empty;
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    private async Task<string> VersionAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        try
        {
            ProcessResult result = await _processes.RunAsync(new ProcessRequest(tool, arguments) { Timeout = TimeSpan.FromSeconds(30) }, cancellationToken).ConfigureAwait(false);
            return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "unknown";
        }
        catch (Exception error) when (error is ProcessFailedException or SlipwayException or System.ComponentModel.Win32Exception)
        {
            return "not found";
        }
    }

    private static long MemoryBytes()
    {
        if (File.Exists("/proc/meminfo"))
        {
            string? total = File.ReadLines("/proc/meminfo").FirstOrDefault(static l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            string[] parts = total?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
            if (parts.Length >= 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long kilobytes))
            {
                return kilobytes * 1024;
            }
        }

        return GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
    }

    private static string OperatingSystemName()
    {
        const string OsRelease = "/etc/os-release";
        string? pretty = File.Exists(OsRelease)
            ? File.ReadLines(OsRelease).FirstOrDefault(static l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?["PRETTY_NAME=".Length..].Trim('"')
            : null;
        return pretty is null ? RuntimeInformation.OSDescription : $"{pretty} (kernel {Environment.OSVersion.Version})";
    }
}
