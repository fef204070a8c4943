using Slipway.Targets;
using Slipway.Targets.Execution;
using Slipway.Targets.Output;
using Slipway.Tests.Support;

namespace Slipway.Tests.Targets;

/// <summary>Runs a build class in process against a temp repository root and captures what it prints.</summary>
public sealed class BuildHarness : IDisposable
{
    private readonly TempDirectory _root = new("slipway-engine");

    public BuildHarness()
    {
        Directory.CreateDirectory(_root.Combine(".nuke"));
    }

    public string Root => _root.Path;

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public void WriteParameters(string fileName, string json) => _root.Write(System.IO.Path.Combine(".nuke", fileName), json);

    public async Task<BuildRun<T>> RunAsync<T>(params string[] args)
        where T : BuildBase, new()
        => await RunAsync(new T(), args, CancellationToken.None);

    public async Task<BuildRun<T>> RunAsync<T>(T build, string[] args, CancellationToken cancellationToken, params string[] defaultTargets)
        where T : BuildBase
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var masker = new SecretMasker();
        var context = new RunContext(new MaskingTextWriter(output, masker), new MaskingTextWriter(error, masker), Environment, Root, IsTerminal: false);
        int exitCode = await new BuildPipeline(build, context, masker).RunAsync(args, defaultTargets.Length > 0 ? defaultTargets : ["Default"], cancellationToken);
        context.Out.Flush();
        context.Error.Flush();
        return new BuildRun<T>(build, exitCode, output.ToString(), error.ToString());
    }

    public void Dispose() => _root.Dispose();
}

public sealed record BuildRun<T>(T Build, int ExitCode, string Output, string Error)
{
    public string All => Output + Error;
}
