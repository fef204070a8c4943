namespace Slipway.Infrastructure;

/// <summary>How risky applying a plan is.</summary>
public enum RiskLevel
{
    /// <summary>Nothing changes.</summary>
    None,

    /// <summary>Only creates, updates, reads or forgets.</summary>
    Low,

    /// <summary>Something is replaced or deleted.</summary>
    High,
}
