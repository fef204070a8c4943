
namespace Slipway.GitOps;

/// <summary>Applies SyncApps' <c>--app</c> and <c>--tag</c> to the environment's apps.</summary>
public static class AppSelection
{
    /// <summary>
    /// No <paramref name="app"/>: every app (a <paramref name="tag"/> then needs exactly one app). With
    /// <paramref name="app"/>: only that app, with <paramref name="tag"/> when given. Unknown app or a
    /// malformed tag is an input error naming the parameter.
    /// </summary>
    public static IReadOnlyList<AppRelease> Select(string environment, IReadOnlyList<AppRelease> apps, string? app, string? tag)
    {
        if (tag is not null && !ImageTag.IsValid(tag))
        {
            throw SlipwayException.Input($"--tag '{tag}' is not a valid image tag: {ImageTag.Rule}.");
        }

        if (app is null)
        {
            if (tag is null)
            {
                return apps;
            }

            return apps.Count == 1
                ? [apps[0] with { Tag = tag }]
                : throw SlipwayException.Input(
                    $"--tag needs --app: environment {environment} has {apps.Count} apps ({Names(apps)}). Deploy one of them at that tag with "
                    + $"--app {(apps.Count == 0 ? "<app>" : apps[0].Name)} --tag {tag}, or leave out --tag to deploy each app at the tag its env.yaml sets.");
        }

        AppRelease selected = apps.FirstOrDefault(a => a.Name == app)
            ?? throw SlipwayException.Input($"--app '{app}' is not an app of environment {environment}; its apps are: {Names(apps)}.");
        return [tag is null ? selected : selected with { Tag = tag }];
    }

    /// <summary>What to tell the user when <c>--tag</c> without <c>--app</c> went to the environment's only app; otherwise null.</summary>
    public static string? Notice(string environment, IReadOnlyList<AppRelease> selected, string? app, string? tag)
        => app is null && tag is not null && selected.Count == 1
            ? $"--tag {tag} without --app: deploying {selected[0].Name}, the only app of {environment}, at {tag}."
            : null;

    private static string Names(IReadOnlyList<AppRelease> apps) => apps.Count == 0 ? "none" : string.Join(", ", apps.Select(a => a.Name));
}
