namespace Slipway.Targets.Cli;

/// <summary>One option as given: <c>--skip A,B</c> → token <c>--skip</c>, values <c>[A,B]</c>. Repeating an option adds values.</summary>
internal sealed record ParsedOption(string Token, List<string> Values);
