using System.Text.RegularExpressions;

namespace Slipway.GitOps;

/// <summary>Applies SyncApps' <c>--app</c> and <c>--tag</c> to the environment's apps.</summary>
public static partial class AppSelection
{
    /// <summary>
    /// No <paramref name="app"/>: every app (a <paramref name="tag"/> then needs exactly one app). With
    /// <paramref name="app"/>: only that app, with <paramref name="tag"/> when given. Unknown app or a
    /// malformed tag is an input error naming the parameter.
    /// </summary>
    public static IReadOnlyList<AppRelease> Select(string environment, IReadOnlyList<AppRelease> apps, string? app, string? tag)
    {
        if (tag is not null && !ImageTag().IsMatch(tag))
        {
            throw SlipwayException.Input($"--tag '{tag}' is not a valid image tag: use letters, digits, '_', '.' and '-', at most 128 characters, not starting with '.' or '-'.");
        }

        if (app is null)
        {
            if (tag is null)
            {
                return apps;
            }

            return apps.Count == 1
                ? [apps[0] with { Tag = tag }]
                : throw SlipwayException.Input($"--tag needs --app: environment {environment} has {apps.Count} apps ({Names(apps)}).");
        }

        AppRelease selected = apps.FirstOrDefault(a => a.Name == app)
            ?? throw SlipwayException.Input($"--app '{app}' is not an app of environment {environment}; its apps are: {Names(apps)}.");
        return [tag is null ? selected : selected with { Tag = tag }];
    }

    private static string Names(IReadOnlyList<AppRelease> apps) => apps.Count == 0 ? "none" : string.Join(", ", apps.Select(a => a.Name));

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex ImageTag();
}
