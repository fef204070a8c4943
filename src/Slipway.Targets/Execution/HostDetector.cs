namespace Slipway.Targets.Execution;

/// <summary>Tells from the environment where the build runs.</summary>
internal static class HostDetector
{
    public static HostKind Detect(IReadOnlyDictionary<string, string> environment)
    {
        if (IsTrue(environment, "GITHUB_ACTIONS"))
        {
            return HostKind.GitHubActions;
        }

        return IsTrue(environment, "GITLAB_CI") ? HostKind.GitLab : HostKind.Terminal;
    }

    public static bool UseColor(IReadOnlyDictionary<string, string> environment, HostKind host, bool isTerminal)
        => !environment.ContainsKey("NO_COLOR") && (isTerminal || host != HostKind.Terminal) && !environment.ContainsKey("SLIPWAY_NO_COLOR");

    private static bool IsTrue(IReadOnlyDictionary<string, string> environment, string name)
        => environment.TryGetValue(name, out string? value) && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
}
