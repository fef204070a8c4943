namespace Slipway.Infrastructure;

/// <summary>
/// The one place that decides whether a plan may destroy or replace anything: it needs
/// <c>--allow-destroy</c> and then the environment's <see cref="IDestroyApproval"/> (the approvals gate
/// of protected environments).
/// </summary>
public static class DestroyGuard
{
    public static async Task EnsureAllowedAsync(
        string environment,
        IReadOnlyList<ResourceChange> destructive,
        bool allowDestroy,
        IDestroyApproval approval,
        CancellationToken cancellationToken)
    {
        if (destructive.Count == 0)
        {
            return;
        }

        if (!allowDestroy)
        {
            const int Shown = 20;
            string list = string.Join(Environment.NewLine, destructive.Take(Shown).Select(static c =>
                $"  {(c.Action == PlanAction.Replace ? "replace" : "delete")} {c.Address}{(c.Reason is null ? string.Empty : $" ({c.Reason})")}"));
            string more = destructive.Count > Shown ? $"{Environment.NewLine}  … and {destructive.Count - Shown} more" : string.Empty;
            throw SlipwayException.Refused(
                $"The plan for '{environment}' destroys or replaces {destructive.Count} resource(s):{Environment.NewLine}{list}{more}{Environment.NewLine}" +
                $"Nothing was applied. If this is intended, run: ./build.sh ApplyInfra --env {environment} --allow-destroy");
        }

        await approval.EnsureApprovedAsync(environment, destructive, cancellationToken).ConfigureAwait(false);
    }
}
