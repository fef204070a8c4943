namespace Slipway.Targets.Parameters;

/// <summary>Parses a parameter value as the user wrote it; false when the text is not a value of the type.</summary>
public delegate bool ValueParser<T>(string text, out T value);
