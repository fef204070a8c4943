using System.Linq.Expressions;

namespace Slipway.Targets.Execution;

/// <summary>Collects what a target's fluent definition declares.</summary>
internal sealed class TargetDefinition : ITargetDefinition
{
    public string? DescriptionText { get; private set; }

    public List<Target> DependsOnTargets { get; } = [];

    public List<Target> AfterTargets { get; } = [];

    public List<Target> BeforeTargets { get; } = [];

    public List<Target> TriggersTargets { get; } = [];

    public List<Target> TriggeredByTargets { get; } = [];

    public List<Expression<Func<bool>>> StaticConditions { get; } = [];

    public List<Expression<Func<bool>>> DynamicConditions { get; } = [];

    public List<LambdaExpression> RequiredParameters { get; } = [];

    public List<Expression<Func<bool>>> RequiredConditions { get; } = [];

    public List<ImpliedValue> ImpliedValues { get; } = [];

    public bool IsProceedAfterFailure { get; private set; }

    public bool IsAssuredAfterFailure { get; private set; }

    public List<Func<CancellationToken, Task>> Actions { get; } = [];

    public ITargetDefinition Description(string description)
    {
        DescriptionText = description;
        return this;
    }

    public ITargetDefinition DependsOn(params Target[] targets) => AddAll(DependsOnTargets, targets);

    public ITargetDefinition After(params Target[] targets) => AddAll(AfterTargets, targets);

    public ITargetDefinition Before(params Target[] targets) => AddAll(BeforeTargets, targets);

    public ITargetDefinition Triggers(params Target[] targets) => AddAll(TriggersTargets, targets);

    public ITargetDefinition TriggeredBy(params Target[] targets) => AddAll(TriggeredByTargets, targets);

    public ITargetDefinition OnlyWhenStatic(params Expression<Func<bool>>[] conditions) => AddAll(StaticConditions, conditions);

    public ITargetDefinition OnlyWhenDynamic(params Expression<Func<bool>>[] conditions) => AddAll(DynamicConditions, conditions);

    public ITargetDefinition Requires<T>(params Expression<Func<T>>[] parameters)
    {
        foreach (Expression<Func<T>> parameter in parameters)
        {
            if (parameter is Expression<Func<bool>> condition && parameter.Body is not MemberExpression)
            {
                RequiredConditions.Add(condition);
            }
            else
            {
                RequiredParameters.Add(parameter);
            }
        }

        return this;
    }

    public ITargetDefinition Requires(params Expression<Func<bool>>[] conditions) => AddAll(RequiredConditions, conditions);

    public ITargetDefinition Sets<T>(Expression<Func<T>> parameter, T value)
    {
        ImpliedValues.Add(new ImpliedValue(parameter, value));
        return this;
    }

    public ITargetDefinition ProceedAfterFailure()
    {
        IsProceedAfterFailure = true;
        return this;
    }

    public ITargetDefinition AssuredAfterFailure()
    {
        IsAssuredAfterFailure = true;
        return this;
    }

    public ITargetDefinition Executes(Action action)
    {
        Actions.Add(_ =>
        {
            action();
            return Task.CompletedTask;
        });
        return this;
    }

    public ITargetDefinition Executes(Func<Task> action)
    {
        Actions.Add(_ => action());
        return this;
    }

    public ITargetDefinition Executes(Func<CancellationToken, Task> action)
    {
        Actions.Add(action);
        return this;
    }

    private TargetDefinition AddAll<T>(List<T> list, T[] items)
    {
        list.AddRange(items);
        return this;
    }
}
