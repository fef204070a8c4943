namespace Slipway.Infrastructure;

/// <summary>What a plan does to one resource, folded from terraform's <c>change.actions</c> list.</summary>
public enum PlanAction
{
    NoOp,
    Create,
    Read,
    Update,

    /// <summary><c>["delete","create"]</c> or <c>["create","delete"]</c>.</summary>
    Replace,
    Delete,

    /// <summary><c>["forget"]</c>: removed from state, the real object stays.</summary>
    Forget,
}
