using System.Globalization;
using System.Text.Json;
using Slipway.Delivery;
using Slipway.Targets;
using YamlDotNet.RepresentationModel;

namespace Slipway.Tests.EndToEnd;

/// <summary>
/// Ctrl+C (SIGINT) at ten random points of <c>./build.sh DeployStaging</c>, spread over the length of a run (one delay in each
/// tenth; the seed is printed, <c>SLIPWAY_TEST_SIGINT_SEED</c> replays it). Every run has a change to push (the replica
/// count alternates). After each: exit 130, the deploy lease gone from the cluster, <c>git fsck --full</c> clean in the GitOps
/// remote and clone and no lock file left in them, no <c>*.tmp</c> file and every JSON/YAML file parsing under
/// <c>.nuke/temp</c> (the GitOps work tree with it) and in the Terraform stack, and the next DeployStaging succeeds.
/// </summary>
[Collection(DeployFaultsCollection.Name)]
public sealed class InterruptedDeployTests
{
    private const int Points = 10;
    private const string SeedVariable = "SLIPWAY_TEST_SIGINT_SEED";
    private static readonly Dictionary<string, string> s_variables = new() { [EnvironmentDelivery.FailFastVariable] = BuildScriptClone.FailFastAfter };
    private readonly BuildScriptClone _clone;

    public InterruptedDeployTests(BuildScriptClone clone)
    {
        _clone = clone;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ctrl_C_at_ten_random_points_of_DeployStaging_leaves_nothing_broken_and_the_next_run_succeeds()
    {
        int seed = Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } given ? int.Parse(given, CultureInfo.InvariantCulture) : Random.Shared.Next();
        Say($"SIGINT points from seed {seed} (replay: {SeedVariable}={seed})");
        var random = new Random(seed);
        BuildRun warmUp = await _clone.RunAsync("DeployStaging"); // compiles the clone's build: not part of a run's length
        warmUp.ExitCode.ShouldBe(ExitCodes.Success, warmUp.ToString());
        // A run's length is the shorter of two runs with a change to push: one slow run (a load spike on a shared machine)
        // would spread the SIGINT points past the end of the runs that follow.
        TimeSpan length = TimeSpan.MaxValue;
        foreach (int replicas in new[] { 3, 4 }) // each a change from the one before, and from the first point's 2
        {
            await SetReplicasAsync(replicas);
            long started = TimeProvider.System.GetTimestamp();
            BuildRun timed = await _clone.RunAsync("DeployStaging");
            TimeSpan elapsed = TimeProvider.System.GetElapsedTime(started);
            timed.ExitCode.ShouldBe(ExitCodes.Success, timed.ToString());
            length = elapsed < length ? elapsed : length;
        }

        Say($"a DeployStaging with a change to push takes {length.TotalSeconds:0.0} s here (the shorter of two runs)");
        int interrupted = 0;

        for (int point = 0; point < Points; point++)
        {
            await SetReplicasAsync(point % 2 == 0 ? 2 : 3);
            TimeSpan delay = length * ((point + random.NextDouble()) / Points);
            using BuildProcess build = BuildProcess.Start(_clone.Root, "DeployStaging", s_variables);
            await Task.Delay(delay, Ct);
            build.SigIntIgnored().ShouldBeFalse(
                "the build started with SIGINT ignored, inherited from a shell that ran the tests as a background job ('… &'); run them in the foreground");
            bool sent = !build.HasExited && build.Interrupt();
            int exitCode = await build.WaitAsync(TimeSpan.FromMinutes(2), Ct);
            string where = $"SIGINT {point + 1} of {Points} at {delay.TotalSeconds:0.00} s of a {length.TotalSeconds:0.0} s run, during {LastTarget(build.Output)} (seed {seed})";
            Say($"{where}: exit {exitCode}{(sent ? string.Empty : " (finished before the signal)")}");
            if (sent && exitCode == ExitCodes.Interrupted)
            {
                interrupted++;
            }
            else
            {
                // the run was over (or past its last target) when the signal came: it must have succeeded
                exitCode.ShouldBe(ExitCodes.Success, $"{where}: {build}");
                build.Output.ShouldContain("Build succeeded", customMessage: $"{where}: {build}");
            }

            await AssertNothingBrokenAsync(where, build.Output);
            BuildRun next = await _clone.RunAsync("DeployStaging");
            next.ExitCode.ShouldBe(ExitCodes.Success, $"the run after {where}: {next}");
        }

        interrupted.ShouldBeGreaterThan(Points / 2, $"only {interrupted} of {Points} runs were still running at their SIGINT (seed {seed})");
    }

    private static void Say(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);

    /// <summary>The last target the run announced (<c>═══ Name ═══</c>), or "startup".</summary>
    private static string LastTarget(string output)
        => output.Split('\n').LastOrDefault(static l => l.StartsWith("═══ ", StringComparison.Ordinal))?.Trim('═', ' ', '\r') ?? "startup";

    private async Task SetReplicasAsync(int replicas)
    {
        string path = Path.Combine(_clone.Root, "environments", "staging", "env.yaml");
        string text = await File.ReadAllTextAsync(path, Ct);
        string[] lines = text.Split('\n');
        int index = Array.FindIndex(lines, static l => l.StartsWith("    replicas: ", StringComparison.Ordinal));
        index.ShouldBeGreaterThanOrEqualTo(0, "environments/staging/env.yaml sets apps.web.replicas");
        lines[index] = $"    replicas: {replicas}";
        await File.WriteAllTextAsync(path, string.Join('\n', lines), Ct);
    }

    private async Task AssertNothingBrokenAsync(string where, string output)
    {
        string context = $"after {where}:{Environment.NewLine}{output}";
        (await _clone.ReadLeaseAsync("staging")).ShouldBeNull($"the deploy lease is still held {context}");
        foreach (string repository in new[] { _clone.GitOpsRemote, _clone.GitOpsWorkDirectory }.Where(Directory.Exists))
        {
            await _clone.GitAsync(repository, "fsck", "--full", "--no-progress");
            string gitDirectory = Directory.Exists(Path.Combine(repository, ".git")) ? Path.Combine(repository, ".git") : repository;
            Directory.GetFiles(gitDirectory, "*.lock", SearchOption.AllDirectories).ShouldBeEmpty($"git lock files left {context}");
        }

        string temp = Path.Combine(_clone.Root, ".nuke", "temp");
        string stack = Path.Combine(_clone.Root, "infra");
        string[] files = [.. Directory.GetFiles(temp, "*", SearchOption.AllDirectories), .. Directory.GetFiles(stack, "*", SearchOption.AllDirectories)];
        string[] relevant = [.. files.Where(f => !IsInGitDirectory(f))];
        relevant.Where(static f => f.EndsWith(".tmp", StringComparison.Ordinal)).ShouldBeEmpty($"temp files left {context}");
        foreach (string file in relevant)
        {
            string? problem = ParseProblem(file);
            problem.ShouldBeNull($"{file} is not whole {context}");
        }
    }

    private bool IsInGitDirectory(string file)
        => file.StartsWith(_clone.GitOpsRemote + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || file.Contains($"{Path.DirectorySeparatorChar}.git{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    /// <summary>Null when the file is not JSON/YAML or parses; else the parser's message.</summary>
    private static string? ParseProblem(string file)
    {
        string name = Path.GetFileName(file);
        try
        {
            if (name.EndsWith(".json", StringComparison.Ordinal) || name.EndsWith(".tfstate", StringComparison.Ordinal))
            {
                using JsonDocument document = JsonDocument.Parse(File.ReadAllText(file));
            }
            else if (name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal) || name == "kubeconfig")
            {
                new YamlStream().Load(new StringReader(File.ReadAllText(file)));
            }

            return null;
        }
        catch (Exception e) when (e is JsonException or YamlDotNet.Core.YamlException)
        {
            return e.Message;
        }
    }
}
