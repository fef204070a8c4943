using System.Linq.Expressions;
using Slipway.Targets.Execution;
using Slipway.Targets.Output;
using Slipway.Targets.Parameters;

namespace Slipway.Targets;

/// <summary>
/// The base of a build class. Targets are properties of type <see cref="Target"/>, parameters are members
/// marked <see cref="ParameterAttribute"/>; <c>Main</c> is <c>public static Task&lt;int&gt; Main() => ExecuteAsync&lt;Build&gt;(x => x.Default);</c>
/// </summary>
public abstract class BuildBase
{
    /// <summary>The repository root: the nearest folder upwards holding <c>.nuke/</c>, or <c>--root</c>.</summary>
    public AbsolutePath RootDirectory { get; internal set; } = AbsolutePath.Create(Directory.GetCurrentDirectory());

    /// <summary><c>.nuke/temp</c>: a cache that may be deleted at any time.</summary>
    public AbsolutePath TemporaryDirectory => RootDirectory / ".nuke" / "temp";

    public HostKind Host { get; internal set; }

    public bool IsLocalBuild => Host == HostKind.Terminal;

    /// <summary>Masked, host-aware output.</summary>
    public BuildOutput Output { get; internal set; } = null!;

    /// <summary>The targets named on the command line (or the default ones).</summary>
    public IReadOnlyList<string> RequestedTargets { get; internal set; } = [];

    /// <summary>The targets this run executes (requested, dependencies and triggered ones, without the skipped), in order; set once the plan is made.</summary>
    public IReadOnlyList<string> ScheduledTargets { get; internal set; } = [];

    /// <summary>Cancelled by Ctrl+C (SIGINT) or SIGTERM; every async target receives it.</summary>
    public CancellationToken CancellationToken { get; internal set; }

    /// <summary>The environment variables the run started with (injected in tests).</summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables { get; internal set; } = new Dictionary<string, string>();

    /// <summary>True when the target named by the property is among the requested targets.</summary>
    public bool IsRequested(string targetName) => RequestedTargets.Contains(targetName, StringComparer.Ordinal);

    /// <summary>Runs the build with the process's arguments and returns the exit code: <c>public static Task&lt;int&gt; Main() =&gt; ExecuteAsync&lt;Build&gt;(x =&gt; x.Default);</c></summary>
    public static Task<int> ExecuteAsync<T>(params Expression<Func<T, Target>>[] defaultTargets)
        where T : BuildBase, new()
    {
        var build = new T();
        string[] names = defaultTargets.Select(static e => ((MemberExpression)e.Body).Member.Name).ToArray();
        return BuildRunner.RunProcessAsync(build, Environment.GetCommandLineArgs()[1..], names);
    }

    /// <summary>
    /// Maps an exception a target threw to an exit code, and says whether it is expected (message only) or a bug
    /// (message, and the stack with --verbose). Return null to use the engine's rules.
    /// </summary>
    protected internal virtual FailureInfo? ClassifyFailure(Exception exception) => null;

    /// <summary>
    /// Registers how parameter types the engine does not know are parsed and shown, e.g.
    /// <c>types.Add&lt;TimeSpan&gt;("duration", Duration.TryParse, Duration.Format, "90s, 5m, 1h30m")</c>.
    /// </summary>
    protected internal virtual void RegisterParameterTypes(ParameterTypeRegistry types)
    {
    }

    /// <summary>Called after parameters are bound (and the values requested targets imply are set), before the plan is made.</summary>
    protected internal virtual void OnParametersBound()
    {
    }

    /// <summary>
    /// Called once after the targets ran, whatever happened (success, failure, Ctrl+C): release what the run holds
    /// (locks, a cluster it started). Gets a fresh token with a short timeout, since the run's token may be cancelled.
    /// </summary>
    protected internal virtual Task OnBuildFinishedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Called once after the targets ran and before <see cref="OnBuildFinishedAsync"/>, with each target's status, duration
    /// and error: report the run to the CI system (step summary, outputs). A failure here fails a run that had succeeded.
    /// </summary>
    protected internal virtual Task OnRunReportedAsync(RunOutcome outcome, CancellationToken cancellationToken) => Task.CompletedTask;
}
