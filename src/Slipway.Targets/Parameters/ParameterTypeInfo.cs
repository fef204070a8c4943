namespace Slipway.Targets.Parameters;

/// <summary>A parameter type the build registered: its name, parser (null for a bad value), formatter, and what a bad value is told.</summary>
internal sealed record ParameterTypeInfo(string Name, Func<string, object?> Parse, Func<object, string> Format, string Expected, string? Pattern);
