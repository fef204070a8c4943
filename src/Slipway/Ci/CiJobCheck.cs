namespace Slipway.Ci;

/// <summary>A job must give a value to every parameter its targets require (from the target graph), or the pipeline would fail at run time.</summary>
public static class CiJobCheck
{
    /// <summary>Throws (exit 2) naming the job, its line and the variables that get no value.</summary>
    public static CiJob RequireVariables(CiJob job, IReadOnlyList<string> requiredVariables, string declaredIn)
    {
        string[] missing = [.. requiredVariables.Where(v => job.Variables.All(p => p.Key != v))];
        return missing.Length == 0
            ? job
            : throw SlipwayException.Input($"{declaredIn}: the CI job '{job.Id}' runs '{job.Command}', whose targets ({string.Join(", ", job.Plan)}) require {string.Join(", ", missing)}, but the job gives no value for {(missing.Length == 1 ? "it" : "them")}: add it to the job's variables (an input, a secret or the matrix value).");
    }
}
