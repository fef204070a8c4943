namespace Slipway.Infrastructure;

/// <summary>terraform's own tally in the <c>change_summary</c> message of <c>plan -json</c>: "Plan: 1 to add, 2 to change, 0 to destroy."</summary>
internal sealed record PlanChangeSummary(int Add, int Change, int Remove, int Import);
