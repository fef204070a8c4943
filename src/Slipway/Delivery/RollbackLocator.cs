using Slipway.Environments;
using Slipway.GitOps;

namespace Slipway.Delivery;

/// <summary>
/// <c>Rollback --tag T</c> without <c>--env</c>: the environment whose history (release log or GitOps history of an app's
/// manifest) has the tag. Exactly one → that one; several → bad input listing them; none → bad input with the recent tags.
/// </summary>
public static class RollbackLocator
{
    public static async Task<string> FindEnvironmentAsync(DeliveryContext context, EnvironmentCatalog catalog, string tag, string? app, CancellationToken cancellationToken)
    {
        if (!ImageTag.IsValid(tag))
        {
            throw SlipwayException.Input($"--tag '{tag}' is not a valid image tag: {ImageTag.Rule}.");
        }

        var matches = new List<string>();
        var recent = new List<string>();
        foreach (string name in catalog.Names)
        {
            EnvironmentDelivery delivery;
            try
            {
                delivery = EnvironmentDelivery.Open(context, catalog, name);
            }
            catch (SlipwayException)
            {
                continue; // a layer that is not a deployable environment
            }

            await using (delivery.ConfigureAwait(false))
            {
                IReadOnlyList<string> apps = await delivery.AppsWithTagAsync(tag, app, cancellationToken).ConfigureAwait(false);
                if (apps.Count > 0)
                {
                    matches.Add($"{name} ({string.Join(", ", apps)})");
                }
                else if (await delivery.RecentTagsAsync(app, cancellationToken).ConfigureAwait(false) is { } tags)
                {
                    recent.Add($"{name}: {tags}");
                }
            }
        }

        if (matches.Count == 1)
        {
            return matches[0][..matches[0].IndexOf(' ', StringComparison.Ordinal)];
        }

        string appOption = app is null ? string.Empty : $" --app {app}";
        throw matches.Count > 1
            ? SlipwayException.Input(
                $"Tag '{tag}' is in the history of {matches.Count} environments: {string.Join(", ", matches)}. Choose one: "
                + $"./build.sh Rollback --tag {tag} --env {matches[0][..matches[0].IndexOf(' ', StringComparison.Ordinal)]}{appOption}")
            : SlipwayException.Input(
                $"Tag '{tag}' was never deployed{(app is null ? string.Empty : $" for app {app}")} to any environment."
                + (recent.Count == 0 ? " No environment has a deployed app yet." : $"{Environment.NewLine}{string.Join(Environment.NewLine, recent)}"));
    }
}
