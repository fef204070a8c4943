namespace Slipway.Gates;

/// <summary>What a <see cref="PromotedVersion"/> is a version of.</summary>
public enum PromotedKind
{
    App,
    Chart,
}
