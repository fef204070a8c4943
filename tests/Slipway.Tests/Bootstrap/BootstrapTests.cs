using Slipway.Processes;
using Slipway.Tests.Support;

namespace Slipway.Tests.Bootstrap;

/// <summary>build.sh takes the fast path when the compiled build is current and rebuilds when any input changed.</summary>
public sealed class BootstrapTests : IDisposable
{
    private readonly TempDirectory _copy = new("slipway-bootstrap");

    public void Dispose() => _copy.Dispose();

    [Fact]
    public async Task Rebuilds_only_when_an_input_is_newer_than_the_compiled_build_and_reports_compile_errors()
    {
        CopyRepository();
        string stamp = _copy.Combine(".nuke", "temp", "build.stamp");
        CancellationToken ct = TestContext.Current.CancellationToken;

        ProcessResult first = await RunBuildShAsync(ct);
        DateTime built = File.GetLastWriteTimeUtc(stamp);
        ProcessResult second = await RunBuildShAsync(ct);
        DateTime afterWarmRun = File.GetLastWriteTimeUtc(stamp);

        File.SetLastWriteTimeUtc(_copy.Combine("src", "Slipway.Targets", "Target.cs"), DateTime.UtcNow.AddSeconds(5));
        ProcessResult third = await RunBuildShAsync(ct);
        DateTime afterSourceEdit = File.GetLastWriteTimeUtc(stamp);

        File.AppendAllText(_copy.Combine("build", "Build.cs"), "\nthis is not C#\n");
        ProcessResult broken = await RunBuildShAsync(ct, expectSuccess: false);

        first.StandardOutput.ShouldContain("Execution plan:");
        second.StandardOutput.ShouldContain("Execution plan:");
        third.StandardOutput.ShouldContain("Execution plan:");
        afterWarmRun.ShouldBe(built);
        afterSourceEdit.ShouldBeGreaterThan(afterWarmRun);
        broken.ExitCode.ShouldBe(2);
        broken.StandardError.ShouldContain("Build.cs");
        broken.StandardError.ShouldContain("compiling the build project failed");
    }

    private Task<ProcessResult> RunBuildShAsync(CancellationToken cancellationToken, bool expectSuccess = true)
        => new ProcessRunner().RunAsync(
            new ProcessRequest("bash", [_copy.Combine("build.sh"), "Test", "--plan"])
            {
                WorkingDirectory = _copy.Combine("src"),
                Timeout = TimeSpan.FromMinutes(5),
                IsSuccess = code => !expectSuccess || code == 0,
            },
            cancellationToken);

    private void CopyRepository()
    {
        string root = RepositoryPaths.Root;
        foreach (string file in new[] { "build.sh", "global.json", "Directory.Build.props", "Directory.Packages.props", ".nuke/parameters.json" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_copy.Combine(file))!);
            File.Copy(Path.Combine(root, file), _copy.Combine(file));
        }

        CopyTree(Path.Combine(root, "build"), _copy.Combine("build"));
        CopyTree(Path.Combine(root, "src"), _copy.Combine("src"));
    }

    private static void CopyTree(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (string directory in Directory.EnumerateDirectories(source))
        {
            if (Path.GetFileName(directory) is not "bin" and not "obj")
            {
                CopyTree(directory, Path.Combine(target, Path.GetFileName(directory)));
            }
        }

        foreach (string file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
    }
}
