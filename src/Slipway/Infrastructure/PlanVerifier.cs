namespace Slipway.Infrastructure;

/// <summary>
/// Checks that the plan about to be applied is exactly the one reviewed: same file (SHA-256), same
/// repository commit, same stack files (committed or not), same environment and workspace, and not older than <c>infrastructure.planMaxAge</c>.
/// Every mismatch is a refusal (exit 3) that says to run PlanInfra again.
/// </summary>
internal static class PlanVerifier
{
    public static void Verify(PlanMetadata metadata, PlanOnDisk current, InfraApplyRequest request, string planFile)
    {
        string planSha256 = current.PlanSha256;
        string commit = current.Commit;
        InfraOptions options = request.Options;
        string again = $"Run PlanInfra again: ./build.sh PlanInfra --env {options.Environment}";
        if (!string.Equals(metadata.Environment, options.Environment, StringComparison.Ordinal)
            || !string.Equals(metadata.Workspace, options.EffectiveWorkspace, StringComparison.Ordinal))
        {
            throw SlipwayException.Refused(
                $"{planFile} was made for environment '{metadata.Environment}' (workspace {metadata.Workspace}), not '{options.Environment}' (workspace {options.EffectiveWorkspace}). {again}");
        }

        if (!string.Equals(metadata.PlanSha256, planSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw SlipwayException.Refused(
                $"{planFile} is not the plan that was reviewed: its SHA-256 is {planSha256}, the review recorded {metadata.PlanSha256}. {again}");
        }

        if (!string.Equals(metadata.Commit, commit, StringComparison.OrdinalIgnoreCase))
        {
            throw SlipwayException.Refused(
                $"The plan was made at commit {metadata.Commit} but the repository is now at {commit}. {again}");
        }

        // Plans recorded before the stack's files were (no StackFiles) are checked by commit alone.
        if (metadata.StackFiles.Count > 0 && StackFiles.FirstChange(metadata.StackFiles, current.StackFiles) is { } change)
        {
            throw SlipwayException.Refused(
                $"The stack changed since PlanInfra: {metadata.Stack}/{change}. The saved plan was made from the old files and would not apply what they say now. {again}");
        }

        TimeSpan age = options.TimeProvider.GetUtcNow() - metadata.CreatedAt;
        if (age > request.PlanMaxAge)
        {
            throw SlipwayException.Refused(
                $"The plan is {FormatAge(age)} old, older than infrastructure.planMaxAge ({FormatAge(request.PlanMaxAge)}); it may no longer match the real infrastructure. {again}");
        }
    }

    internal static string FormatAge(TimeSpan age)
        => age.TotalHours >= 1 ? $"{(int)age.TotalHours}h{age.Minutes:00}m" : age.TotalMinutes >= 1 ? $"{(int)age.TotalMinutes}m{age.Seconds:00}s" : $"{(int)age.TotalSeconds}s";
}
