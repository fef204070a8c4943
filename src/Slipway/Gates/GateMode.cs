namespace Slipway.Gates;

/// <summary>What is about to write: a deploy (every gate) or a rollback (no promotion, cooling or windows: see docs/gates.md).</summary>
public enum GateMode
{
    Deploy,
    Rollback,
}
