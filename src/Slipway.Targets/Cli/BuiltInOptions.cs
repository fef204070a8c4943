namespace Slipway.Targets.Cli;

/// <summary>The options the engine itself understands (normalised names) and what they do.</summary>
internal static class BuiltInOptions
{
    public const string Help = "help";
    public const string Plan = "plan";
    public const string Format = "format";
    public const string Skip = "skip";
    public const string Target = "target";
    public const string Profile = "profile";
    public const string Root = "root";
    public const string Continue = "continue";
    public const string Verbose = "verbose";

    public static readonly IReadOnlyList<(string Name, string Description)> All =
    [
        ("--help", "Show targets and parameters."),
        ("--plan", "Show the execution plan without running anything (--format text|mermaid)."),
        ("--target A B", "Targets to run (or name them first: ./build.sh A B)."),
        ("--skip A,B", "Skip these targets (--skip alone: skip all but the requested ones)."),
        ("--profile NAME", "Also read .nuke/parameters.NAME.json."),
        ("--root PATH", "Repository root (default: nearest folder upwards holding .nuke/)."),
        ("--continue", "Skip the targets that succeeded in the previous run with the same arguments."),
        ("--verbose", "Show stack traces and debug output."),
    ];

    /// <summary>The options that take no value, so a word after them is a target.</summary>
    public static IReadOnlyList<string> Flags { get; } = [Help, Plan, Continue, Verbose];

    public static IEnumerable<string> Names => [Help, Plan, Format, Skip, Target, Profile, Root, Continue, Verbose];
}
