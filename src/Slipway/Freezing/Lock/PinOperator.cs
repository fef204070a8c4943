namespace Slipway.Freezing.Lock;

/// <summary>
/// How Freeze pins, as <c>inmanta project freeze --operator</c> offers. <see cref="Exact"/> (<c>==</c>, the default) pins
/// the exact resolution: a chart to its version, an image to its digest, a module to <c>= X.Y.Z</c>. <see cref="Compatible"/>
/// (<c>~=</c>) pins what stays compatible with it: a chart to Helm's <c>~X.Y.Z</c> (patch releases of X.Y), a module to
/// Terraform's <c>~&gt; X.Y.Z</c> (the same), an image to its tag (the digest is recorded, not enforced: a tag has no
/// compatible range). A protected environment needs exact pins: its chart versions must validate as exact versions.
/// </summary>
public enum PinOperator
{
    Exact,
    Compatible,
}

/// <summary>Parsing and applying <see cref="PinOperator"/>.</summary>
public static class PinOperators
{
    public const string ExactText = "==";

    public const string CompatibleText = "~=";

    public static string Text(PinOperator pin) => pin == PinOperator.Exact ? ExactText : CompatibleText;

    /// <exception cref="SlipwayException">Input (exit 2) for anything but <c>==</c> and <c>~=</c>.</exception>
    public static PinOperator Parse(string? text, string parameter = "--operator") => text switch
    {
        null or "" or ExactText => PinOperator.Exact,
        CompatibleText => PinOperator.Compatible,
        _ => throw SlipwayException.Input($"{parameter} '{text}' is not an operator: use \"==\" (exact pins, the default) or \"~=\" (compatible pins; docs/freeze.md)"),
    };

    public static PinOperator? TryParse(string text) => text switch
    {
        ExactText => PinOperator.Exact,
        CompatibleText => PinOperator.Compatible,
        _ => null,
    };

    /// <summary>The value targets use for an entry of <paramref name="kind"/> that asked <paramref name="requested"/> and resolved to <paramref name="resolved"/>.</summary>
    public static string Pin(PinOperator pin, LockEntryKind kind, string requested, string resolved) => (pin, kind) switch
    {
        (PinOperator.Exact, _) => resolved,
        (_, LockEntryKind.Chart) => "~" + resolved,
        (_, LockEntryKind.Module) => "~> " + resolved,
        _ => requested,
    };
}
