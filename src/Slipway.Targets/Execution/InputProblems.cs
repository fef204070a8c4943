namespace Slipway.Targets.Execution;

/// <summary>Problems with the input of a run, reported together as one bad-input error (exit 2).</summary>
internal static class InputProblems
{
    public static void ThrowIfAny(IEnumerable<string> problems)
    {
        List<string> distinct = problems.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count > 0)
        {
            throw new BuildException(string.Join(Environment.NewLine, distinct), ExitCodes.BadInput);
        }
    }
}
