namespace Slipway.Gates;

/// <summary>One approval that counts toward the gate: who, and through what (a review, a merge request approval, an environment approval).</summary>
public sealed record Approval(string Who, string Via);
