using System.Diagnostics;
using System.Linq.Expressions;
using Slipway.Targets.Output;

namespace Slipway.Targets.Execution;

/// <summary>
/// Runs the planned targets in order. A failure marks its dependents NotRun and, unless the failed target
/// proceeds after failure, every later target too; AssuredAfterFailure targets run anyway, also after Ctrl+C.
/// </summary>
internal sealed class TargetExecutor
{
    private readonly BuildOutput _output;
    private readonly Func<Exception, FailureInfo> _classify;

    public TargetExecutor(BuildOutput output, Func<Exception, FailureInfo> classify)
    {
        _output = output;
        _classify = classify;
    }

    /// <summary>The targets of the plan, in order, scheduled or skipped as the plan says.</summary>
    public static List<ExecutableTarget> Prepare(IReadOnlyList<PlannedTarget> plan, IReadOnlyDictionary<string, ExecutableTarget> targets)
        => plan.Select(p =>
        {
            ExecutableTarget target = targets[p.Name];
            target.Status = p.SkipReason is null ? TargetStatus.Scheduled : TargetStatus.Skipped;
            target.Reason = p.SkipReason;
            return target;
        }).ToList();

    /// <summary>Runs the targets; returns the exit code.</summary>
    public async Task<int> ExecuteAsync(IReadOnlyList<ExecutableTarget> plan, CancellationToken cancellationToken)
    {
        int exitCode = ExitCodes.Success;
        bool stopAll = false;
        var byName = plan.ToDictionary(static t => t.Name, StringComparer.Ordinal);
        foreach (ExecutableTarget target in plan)
        {
            if (target.Status == TargetStatus.Skipped)
            {
                continue;
            }

            bool interrupted = cancellationToken.IsCancellationRequested;
            string? blockedBy = target.DependsOn.FirstOrDefault(d => byName.TryGetValue(d, out ExecutableTarget? dep) && dep.Status is TargetStatus.Failed or TargetStatus.NotRun or TargetStatus.Aborted);
            if (!target.Definition.IsAssuredAfterFailure && (interrupted || stopAll || blockedBy is not null))
            {
                target.Status = TargetStatus.NotRun;
                target.Reason = interrupted ? "interrupted" : blockedBy is not null ? $"{blockedBy} did not succeed" : "an earlier target failed";
                continue;
            }

            if (FirstFalse(target.Definition.DynamicConditions) is { } condition)
            {
                target.Status = TargetStatus.Skipped;
                target.Reason = $"condition false: {condition}";
                continue;
            }

            FailureInfo? failure = await RunAsync(target, interrupted ? CancellationToken.None : cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                if (exitCode == ExitCodes.Success)
                {
                    exitCode = failure.ExitCode;
                }

                stopAll |= !target.Definition.IsProceedAfterFailure;
            }
        }

        return cancellationToken.IsCancellationRequested ? ExitCodes.Interrupted : exitCode;
    }

    private async Task<FailureInfo?> RunAsync(ExecutableTarget target, CancellationToken cancellationToken)
    {
        _output.BeginTarget(target.Name);
        target.Status = TargetStatus.Running;
        var stopwatch = Stopwatch.StartNew();
        FailureInfo? failure = null;
        try
        {
            foreach (Func<CancellationToken, Task> action in target.Definition.Actions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await action(cancellationToken).ConfigureAwait(false);
            }

            target.Status = TargetStatus.Succeeded;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            target.Status = TargetStatus.Aborted;
            target.Reason = "interrupted";
            target.Error = "interrupted";
            _output.Error($"{target.Name} was interrupted.");
            failure = new FailureInfo(ExitCodes.Interrupted, IsExpected: true);
        }
        catch (Exception exception)
        {
            target.Status = TargetStatus.Failed;
            failure = _classify(exception);
            Report(target, exception, failure);
        }
        finally
        {
            target.Duration = stopwatch.Elapsed;
            _output.EndTarget();
        }

        return failure;
    }

    private void Report(ExecutableTarget target, Exception exception, FailureInfo failure)
    {
        Exception shown = exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception;
        string message = failure.IsExpected && (shown is IOException or UnauthorizedAccessException)
            ? $"{target.Name} could not read or write a file: {FileErrors.Describe(shown)}. Make sure the folder is writable and the disk has space, then run again."
            : failure.IsExpected ? shown.Message : $"{target.Name} failed: {shown.GetType().Name}: {shown.Message}";
        target.Error = _output.Masker.Mask(message);
        _output.TargetError(target.Name, message);
        if (!failure.IsExpected && !_output.IsVerbose)
        {
            _output.ErrorDetail("  (this looks like a bug; run again with --verbose for the stack trace)");
        }

        if (_output.IsVerbose)
        {
            _output.ErrorDetail(shown.ToString());
        }
    }

    /// <summary>An expression as a reader wants it: <c>(_planFile == null)</c>, not <c>(value(Build)._planFile == null)</c>.</summary>
    internal static string Describe(Expression expression)
        => System.Text.RegularExpressions.Regex.Replace(expression.ToString(), @"value\([^()]*\)\.", string.Empty);

    /// <summary>The first condition that is false, as text, or null when all hold.</summary>
    internal static string? FirstFalse(IEnumerable<Expression<Func<bool>>> conditions)
    {
        foreach (Expression<Func<bool>> condition in conditions)
        {
            if (!condition.Compile(preferInterpretation: true)())
            {
                return Describe(condition.Body);
            }
        }

        return null;
    }
}
