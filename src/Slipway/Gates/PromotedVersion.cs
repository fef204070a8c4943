namespace Slipway.Gates;

/// <summary>A version a deploy moves: an app tag or a chart version, from what the environment runs (null: nothing yet) to <see cref="To"/>.</summary>
public sealed record PromotedVersion(PromotedKind Kind, string Name, string? From, string To)
{
    public override string ToString() => $"{(Kind == PromotedKind.App ? "app" : "chart")} {Name} {To}{(From is null ? " (new)" : $" (runs {From})")}";
}
