using System.Diagnostics;
using Slipway.Hosting;
using Slipway.Infrastructure;
using Slipway.Processes;
using Slipway.Tests.Support;

namespace Slipway.Tests.Infrastructure;

/// <summary>
/// A temporary git repository holding a copy of <c>infra/platform</c>, for real terraform runs. Deleted on dispose.
/// </summary>
public sealed class StackCopy : IDisposable
{
    private readonly SemaphoreSlim _baseline = new(1, 1);
    private bool _baselineApplied;

    public StackCopy()
    {
        Root = Path.Combine(Path.GetTempPath(), "slipway-infra-" + Guid.NewGuid().ToString("N")[..12]);
        Stack = Path.Combine(Root, "infra", "platform");
        CopyDirectory(FindSampleStack(), Stack);
        File.WriteAllText(Path.Combine(Root, ".gitignore"), ".nuke/temp/\n.terraform/\nterraform.tfstate.d/\n");
        Git("init", "-q", "-b", "main");
        Git("add", "-A");
        Git("commit", "-q", "-m", "sample stack");
    }

    public string Root { get; }

    public string Stack { get; }

    public RecordingLog Log { get; } = new();

    public TimeProvider Time { get; set; } = TimeProvider.System;

    public IEnvironmentVariables Environment { get; set; } = new DictionaryEnvironmentVariables(
        [new("PATH", System.Environment.GetEnvironmentVariable("PATH") ?? string.Empty)]);

    public InfraPlanner Planner => new(new ProcessRunner(), Environment);

    public InfraApplier Applier => new(new ProcessRunner(), Environment);

    public static Dictionary<string, InfraVariable> Variables(string region = "westeurope", int nodes = 2, string zone = "example.test")
        => new()
        {
            ["cluster_name"] = "platform",
            ["node_count"] = nodes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["region"] = region,
            ["dns_zone"] = zone,
        };

    public InfraOptions Options(string environment, IReadOnlyDictionary<string, InfraVariable>? variables = null, string? workspace = null)
        => new()
        {
            RepositoryRoot = Root,
            StackDirectory = Stack,
            Environment = environment,
            Workspace = workspace,
            Variables = variables ?? Variables(),
            TimeProvider = Time,
            Log = Log,
            CommandTimeout = TimeSpan.FromMinutes(2),
        };

    public Task<InfraPlanResult> PlanAsync(string environment, IReadOnlyDictionary<string, InfraVariable>? variables = null, string? workspace = null, bool refreshOnly = false)
        => Planner.PlanAsync(new InfraPlanRequest(Options(environment, variables, workspace)) { RefreshOnly = refreshOnly }, TestContext.Current.CancellationToken);

    public Task<InfraApplyResult> ApplyAsync(string environment, string? workspace = null, bool allowDestroy = false, string? planFile = null, IDestroyApproval? approval = null)
        => Applier.ApplyAsync(
            new InfraApplyRequest(Options(environment, workspace: workspace))
            {
                AllowDestroy = allowDestroy,
                PlanFile = planFile,
                DestroyApproval = approval ?? NoDestroyApproval.Instance,
            },
            TestContext.Current.CancellationToken);

    /// <summary>Workspace "baseline" with the default variables planned and applied, once per fixture.</summary>
    public async Task EnsureBaselineAsync()
    {
        await _baseline.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (!_baselineApplied)
            {
                await PlanAsync("baseline");
                await ApplyAsync("baseline");
                _baselineApplied = true;
            }
        }
        finally
        {
            _baseline.Release();
        }
    }

    public string Temp(string environment) => Path.Combine(Root, ".nuke", "temp", environment);

    public void Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in (string[])["-c", "user.name=Test", "-c", "user.email=test@example.test", "-c", "commit.gpgsign=false", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {error}");
        }
    }

    public void Dispose()
    {
        _baseline.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string FindSampleStack()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "infra", "platform");
            if (File.Exists(Path.Combine(candidate, "main.tf")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("infra/platform not found above " + AppContext.BaseDirectory);
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (string file in Directory.GetFiles(source, "*.tf").Concat(Directory.GetFiles(source, "*.md")))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
    }
}
