namespace Slipway.Rollback;

/// <summary>One platform release's chart version set back.</summary>
public sealed record ChartRollback(string Name, string From, string To)
{
    public override string ToString() => $"{Name} {From} -> {To}";
}
