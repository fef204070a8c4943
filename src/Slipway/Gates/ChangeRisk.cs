namespace Slipway.Gates;

/// <summary>How risky a change to an environment is; the approvals gate asks for more approvals as it rises.</summary>
public enum ChangeRisk
{
    /// <summary>Nothing changes.</summary>
    None,

    /// <summary>Only app tags (<c>apps.*</c>).</summary>
    Low,

    /// <summary>Platform charts or their values (<c>platform.*</c>).</summary>
    Medium,

    /// <summary>Infrastructure (<c>infra/</c> files, <c>infrastructure.*</c> keys, a plan with changes).</summary>
    High,

    /// <summary>A plan that replaces or deletes resources.</summary>
    Critical,
}
