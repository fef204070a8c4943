using Slipway.Targets.Output;

namespace Slipway.Targets.Execution;

/// <summary>
/// <c>--continue</c>: the targets that succeeded in the previous run with the same arguments are skipped, and what
/// succeeded this time is remembered for the next run (<see cref="ContinueState"/>).
/// </summary>
internal sealed class PreviousRun
{
    private const string SkipReason = "succeeded in the previous run (--continue)";

    private readonly string _temporaryDirectory;
    private readonly string _argumentsHash;
    private readonly HashSet<string> _succeeded;

    private PreviousRun(string temporaryDirectory, string argumentsHash, HashSet<string> succeeded)
    {
        _temporaryDirectory = temporaryDirectory;
        _argumentsHash = argumentsHash;
        _succeeded = succeeded;
    }

    public static PreviousRun Load(IReadOnlyList<string> args, bool isContinue, string temporaryDirectory, BuildOutput output)
    {
        string argumentsHash = ContinueState.Hash(args.Where(static a => !string.Equals(a, "--continue", StringComparison.OrdinalIgnoreCase)));
        var succeeded = new HashSet<string>(StringComparer.Ordinal);
        if (isContinue)
        {
            ContinueState? state = ContinueState.Load(temporaryDirectory);
            if (state is null || !string.Equals(state.ArgumentsHash, argumentsHash, StringComparison.Ordinal))
            {
                output.Info("--continue: no previous run with the same arguments; starting afresh.");
            }
            else
            {
                succeeded.UnionWith(state.Succeeded);
            }
        }

        return new PreviousRun(temporaryDirectory, argumentsHash, succeeded);
    }

    public IReadOnlyList<PlannedTarget> SkipSucceeded(IReadOnlyList<PlannedTarget> plan)
        => plan.Select(p => p.SkipReason is null && _succeeded.Contains(p.Name) ? p with { SkipReason = SkipReason } : p).ToList();

    public static void Announce(IEnumerable<ExecutableTarget> targets, BuildOutput output)
    {
        foreach (ExecutableTarget skipped in targets.Where(static t => t.Status == TargetStatus.Skipped && t.Reason == SkipReason))
        {
            output.Info($"Skipping {skipped.Name}: it succeeded in the previous run with the same arguments (--continue).");
        }
    }

    /// <summary>Remembers what succeeded; a disk that refuses the write is a warning (only --continue needs it).</summary>
    public void Save(IEnumerable<ExecutableTarget> executed, BuildOutput output)
    {
        string? problem = new ContinueState
        {
            ArgumentsHash = _argumentsHash,
            Succeeded = executed.Where(t => t.Status == TargetStatus.Succeeded || _succeeded.Contains(t.Name)).Select(static t => t.Name).ToList(),
        }.Save(_temporaryDirectory);
        if (problem is not null)
        {
            output.Warning($"Could not remember this run for --continue (could not write {problem}); a later --continue starts afresh.");
        }
    }
}
