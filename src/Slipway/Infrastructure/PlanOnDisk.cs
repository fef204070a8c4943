namespace Slipway.Infrastructure;

/// <summary>What is there when ApplyInfra runs: the plan file's SHA-256, the repository commit, the stack's files (<see cref="StackFiles"/>).</summary>
internal sealed record PlanOnDisk(string PlanSha256, string Commit, IReadOnlyDictionary<string, string> StackFiles);
