namespace Slipway.Gates;

/// <summary>What the gates said: the refusals (none: the run may write), what passed, and the overrides used (recorded in the release log).</summary>
public sealed record GateOutcome(IReadOnlyList<GateRefusal> Refusals, IReadOnlyList<string> Passed, string? Override)
{
    public bool Allowed => Refusals.Count == 0;

    /// <summary>Refuses (exit 3) listing every refusal, each with its rule, evidence and what would satisfy it; nothing has been written.</summary>
    public void ThrowIfRefused(string environment, string writer)
    {
        if (!Allowed)
        {
            throw SlipwayException.Refused(
                $"{writer} refused: {Refusals.Count} gate(s) of {environment} did not pass, nothing was written.\n  "
                + string.Join("\n  ", Refusals.Select(static r => r.ToString())));
        }
    }
}
