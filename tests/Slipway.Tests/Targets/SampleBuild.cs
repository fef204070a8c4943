using Slipway.Environments;
using Slipway.Targets;
using Slipway.Targets.Parameters;

namespace Slipway.Tests.Targets;

public enum DeployMode
{
    Rolling,
    BlueGreen,
}

/// <summary>A build class with every parameter type and dependency kind, for in-process engine tests.</summary>
public sealed class SampleBuild : BuildBase
{
    [Parameter("Environment to act on")]
    public string? Env;

    [Parameter("Plan file to apply")]
    public string? PlanFile;

    [Parameter("Allow destroying resources")]
    public bool AllowDestroy;

    [Parameter("How many times", Minimum = 0, Maximum = 99)]
    public int Retries = 3;

    [Parameter("How long")]
    public TimeSpan Timeout = TimeSpan.FromMinutes(5);

    [Parameter("Rollout mode")]
    public DeployMode Mode = DeployMode.Rolling;

    [Parameter("Apps to deploy")]
    public string[] Apps = [];

    [Parameter("A path")]
    public AbsolutePath? Output2;

    [Secret]
    [Parameter("API token")]
    public string? Token;

    [Parameter("Fail the Compile target")]
    public bool FailCompile;

    public List<string> Ran { get; } = [];

    public bool Finished { get; private set; }

    public Target Restore => _ => _.Executes(() => Ran.Add(nameof(Restore)));

    public Target Compile => _ => _
        .DependsOn(Restore)
        .Executes(() =>
        {
            Ran.Add(nameof(Compile));
            if (FailCompile)
            {
                throw new BuildException($"compile failed, token was {Token}");
            }
        });

    public Target Lint => _ => _.ProceedAfterFailure().Executes(() =>
    {
        Ran.Add(nameof(Lint));
        throw new InvalidOperationException("lint bug");
    });

    public Target Test => _ => _.DependsOn(Compile).Executes(async ct =>
    {
        await Task.Yield();
        Ran.Add(nameof(Test));
    });

    public Target Report => _ => _.After(Test).Executes(() => Ran.Add(nameof(Report)));

    public Target Cleanup => _ => _.AssuredAfterFailure().After(Test, Compile).Executes(() => Ran.Add(nameof(Cleanup)));

    public Target Deploy => _ => _
        .Requires(() => Env)
        .DependsOn(Test)
        .Triggers(Notify)
        .Executes(() => Ran.Add($"{nameof(Deploy)}:{Env}"));

    public Target Notify => _ => _.Executes(() => Ran.Add(nameof(Notify)));

    public Target Publish => _ => _
        .OnlyWhenStatic(() => AllowDestroy)
        .DependsOn(Compile)
        .Executes(() => Ran.Add(nameof(Publish)));

    public Target Maybe => _ => _
        .OnlyWhenDynamic(() => Retries > 5)
        .Executes(() => Ran.Add(nameof(Maybe)));

    public Target Show => _ => _.Executes(() => Console.WriteLine($"token={Token} env={Env}"));

    public Target Default => _ => _.DependsOn(Test);

    protected internal override void RegisterParameterTypes(ParameterTypeRegistry types)
        => types.Add<TimeSpan>("duration", Duration.TryParse, Duration.Format, examples: "90s, 5m, 1h30m", pattern: Duration.Pattern);

    protected internal override Task OnBuildFinishedAsync(CancellationToken cancellationToken)
    {
        Finished = true;
        return Task.CompletedTask;
    }
}
