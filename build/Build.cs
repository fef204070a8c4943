using Slipway;
using Slipway.BuildTools;
using Slipway.Environments;
using Slipway.Processes;
using Slipway.Targets;
using Slipway.Targets.Parameters;

/// <summary>
/// The repository's build. This file holds Main, paths and the repository's own Restore/Compile/Test chain;
/// every other concern is a partial Build.&lt;Concern&gt;.cs that only wires parameters to src/Slipway.
/// </summary>
internal sealed partial class Build : BuildBase
{
    private static readonly TimeSpan s_dotnetTimeout = TimeSpan.FromMinutes(30);
    private readonly IProcessRunner _processes = new ProcessRunner();

    /// <summary>Not readonly: DeployReview and DestroyReview set it to the branch's review environment once parameters are bound (Build.Review.cs).</summary>
    [Parameter("Environment to act on (a folder under environments/, or a review environment review-<branch>), e.g. staging")]
    private string? _env;

    public static Task<int> Main() => ExecuteAsync<Build>(x => x.Default);

    private AbsolutePath SolutionFile => RootDirectory / "Slipway.sln";

    private AbsolutePath TestResultsDirectory => TemporaryDirectory / "test-results";

    /// <summary>Everything but the build project itself, which is running.</summary>
    private AbsolutePath ProjectsFilter => RootDirectory / "Slipway.Projects.slnf";

    private ILog Log => _log ??= new BuildLog(Output);

    private ILog? _log;

    private Target Restore => _ => _
        .Description("Restore NuGet packages")
        .Executes(ct => DotNetAsync(["restore", ProjectsFilter, "-nologo", "-v", "q"], ct));

    private Target Compile => _ => _
        .Description("Build the libraries, tests and benchmarks")
        .DependsOn(Restore)
        .Executes(ct => DotNetAsync(["build", ProjectsFilter, "--no-restore", "-nologo", "-v", "q", "-clp:NoSummary"], ct));

    private Target Format => _ => _
        .Description("Check that the code is formatted as .editorconfig says (fix: dotnet format Slipway.Projects.slnf; dotnet format build/_build.csproj)")
        .DependsOn(Compile)
        .Executes(async ct =>
        {
            try
            {
                await DotNetAsync(["format", ProjectsFilter, "--verify-no-changes", "--no-restore"], ct);
                await DotNetAsync(["format", RootDirectory / "build" / "_build.csproj", "--verify-no-changes", "--no-restore", "--include", RootDirectory / "build"], ct);
            }
            catch (ProcessFailedException)
            {
                throw new BuildException("Some files are not formatted as .editorconfig says (listed above). Fix them with: dotnet format Slipway.Projects.slnf && dotnet format build/_build.csproj");
            }
        });

    private Target Test => _ => _
        .Description("Run the tests and print their totals")
        .DependsOn(Compile, Format)
        .Executes(async ct =>
        {
            if (Directory.Exists(TestResultsDirectory))
            {
                Directory.Delete(TestResultsDirectory, recursive: true);
            }

            ProcessResult result = await _processes.RunAsync(
                new ProcessRequest("dotnet", ["test", RootDirectory / "tests" / "Slipway.Tests" / "Slipway.Tests.csproj", "--no-build", "-nologo", "--logger", "trx", "--results-directory", TestResultsDirectory])
                {
                    WorkingDirectory = RootDirectory,
                    Timeout = s_dotnetTimeout,
                    OnOutputLine = Output.Info,
                    IsSuccess = static _ => true,
                },
                ct);
            string[] reports = Directory.Exists(TestResultsDirectory) ? Directory.GetFiles(TestResultsDirectory, "*.trx", SearchOption.AllDirectories) : [];
            TestRunSummary summary = TestRunSummary.FromTrxFiles(reports);
            Output.Info(summary.ToString());
            if (summary.Failed > 0 || summary.Total == 0 || result.ExitCode != 0)
            {
                throw new BuildException(summary.Total == 0
                    ? $"No test ran (dotnet test exited with {result.ExitCode}). See the output above."
                    : $"{summary.Failed} test(s) failed (dotnet test exited with {result.ExitCode}). See the output above.");
            }
        });

    private Target Clean => _ => _
        .Description("Delete build outputs and the .nuke/temp cache (but not the compiled build)")
        .Before(Restore)
        .Executes(() =>
        {
            foreach (string directory in Directory.EnumerateDirectories(RootDirectory / "src").Concat(Directory.EnumerateDirectories(RootDirectory / "tests")))
            {
                DeleteDirectory(Path.Combine(directory, "bin"));
                DeleteDirectory(Path.Combine(directory, "obj"));
            }

            foreach (string entry in Directory.Exists(TemporaryDirectory) ? Directory.EnumerateFileSystemEntries(TemporaryDirectory) : [])
            {
                if (Path.GetFileName(entry) is not "build.stamp" and not "bootstrap.lock")
                {
                    DeleteFileOrDirectory(entry);
                }
            }
        });

    private Target Default => _ => _
        .Description("Run the tests")
        .DependsOn(Test);

    protected override void RegisterParameterTypes(ParameterTypeRegistry types)
        => types.Add<TimeSpan>("duration", Duration.TryParse, Duration.Format, examples: "90s, 5m, 1h30m", pattern: Duration.Pattern);

    protected override FailureInfo? ClassifyFailure(Exception exception) => exception switch
    {
        SlipwayException slipway => new FailureInfo((int)slipway.Kind, IsExpected: true),
        _ => null,
    };

    private Task DotNetAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
        => _processes.RunAsync(
            new ProcessRequest("dotnet", arguments) { WorkingDirectory = RootDirectory, Timeout = s_dotnetTimeout, OnOutputLine = Output.Info },
            cancellationToken);

    private static void DeleteDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    private static void DeleteFileOrDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        else
        {
            File.Delete(path);
        }
    }
}
