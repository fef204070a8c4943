using System.Linq.Expressions;

namespace Slipway.Targets;

/// <summary>The fluent definition of a target: what it depends on, when it runs, and what it does.</summary>
public interface ITargetDefinition
{
    /// <summary>One line shown by <c>--help</c> and <c>--plan</c>.</summary>
    ITargetDefinition Description(string description);

    /// <summary>These targets run first, and are scheduled whenever this one is.</summary>
    ITargetDefinition DependsOn(params Target[] targets);

    /// <summary>When both are scheduled, this target runs after those (no scheduling implied).</summary>
    ITargetDefinition After(params Target[] targets);

    /// <summary>When both are scheduled, this target runs before those (no scheduling implied).</summary>
    ITargetDefinition Before(params Target[] targets);

    /// <summary>Scheduling this target schedules those to run after it.</summary>
    ITargetDefinition Triggers(params Target[] targets);

    /// <summary>Scheduling any of those targets schedules this one to run after it.</summary>
    ITargetDefinition TriggeredBy(params Target[] targets);

    /// <summary>Conditions checked before anything runs; when one is false, the target and the dependencies only it needs are skipped.</summary>
    ITargetDefinition OnlyWhenStatic(params Expression<Func<bool>>[] conditions);

    /// <summary>Conditions checked right before the target runs; when one is false, the target is skipped.</summary>
    ITargetDefinition OnlyWhenDynamic(params Expression<Func<bool>>[] conditions);

    /// <summary>Parameters that must have a value (checked before the first target runs).</summary>
    ITargetDefinition Requires<T>(params Expression<Func<T>>[] parameters);

    /// <summary>A condition that must hold before anything runs, e.g. <c>() => IsLocalBuild</c>.</summary>
    ITargetDefinition Requires(params Expression<Func<bool>>[] conditions);

    /// <summary>
    /// Requesting this target sets the parameter to this value (<c>DeployStaging</c> sets <c>--env staging</c>), after binding and
    /// before requirements are checked. A different value given for the parameter, or another requested target setting
    /// another value, is bad input (exit 2).
    /// </summary>
    ITargetDefinition Sets<T>(Expression<Func<T>> parameter, T value);

    /// <summary>When this target fails, targets that do not depend on it still run.</summary>
    ITargetDefinition ProceedAfterFailure();

    /// <summary>This target runs even after a failure or Ctrl+C (cleanup, releasing locks).</summary>
    ITargetDefinition AssuredAfterFailure();

    ITargetDefinition Executes(Action action);

    ITargetDefinition Executes(Func<Task> action);

    /// <summary>An async action that receives the run's cancellation token (cancelled by Ctrl+C).</summary>
    ITargetDefinition Executes(Func<CancellationToken, Task> action);
}
