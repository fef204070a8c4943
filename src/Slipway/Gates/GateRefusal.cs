namespace Slipway.Gates;

/// <summary>One gate that did not pass: which rule, the evidence that broke it, and what would satisfy it.</summary>
public sealed record GateRefusal(string Gate, string Rule, string Evidence, string Remedy)
{
    public override string ToString() => $"{Gate}: {Rule}\n    evidence: {Evidence}\n    to pass: {Remedy}";
}
