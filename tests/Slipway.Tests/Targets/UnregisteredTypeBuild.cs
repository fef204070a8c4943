using Slipway.Targets;

namespace Slipway.Tests.Targets;

/// <summary>A build with a <see cref="TimeSpan"/> parameter and no registered parser: the engine has no duration grammar of its own.</summary>
public sealed class UnregisteredTypeBuild : BuildBase
{
    [Parameter("How long to wait")]
    public TimeSpan Wait = TimeSpan.FromMinutes(1);

    public Target Noop => _ => _.Executes(() => { });

    public Target Default => _ => _.DependsOn(Noop);
}
