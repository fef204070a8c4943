namespace Slipway.Infrastructure;

/// <summary>Input of <see cref="InfraApplier.ApplyAsync"/>.</summary>
public sealed record InfraApplyRequest(InfraOptions Options)
{
    public static readonly TimeSpan DefaultPlanMaxAge = TimeSpan.FromHours(1);

    /// <summary>A reviewed plan (with its <c>infra-plan.json</c> next to it); by default the one PlanInfra wrote.</summary>
    public string? PlanFile { get; init; }

    /// <summary><c>--allow-destroy</c>: the plan may replace or delete resources.</summary>
    public bool AllowDestroy { get; init; }

    /// <summary><c>infrastructure.planMaxAge</c>: an older plan is refused.</summary>
    public TimeSpan PlanMaxAge { get; init; } = DefaultPlanMaxAge;

    /// <summary>Called once the plan is verified, right before it is applied (the deploy lease is taken there); null: nothing.</summary>
    public Func<CancellationToken, Task>? BeforeApply { get; init; }

    /// <summary>Checked after <see cref="AllowDestroy"/> for a destructive plan (the approvals gate of protected environments).</summary>
    public IDestroyApproval DestroyApproval { get; init; } = NoDestroyApproval.Instance;
}
