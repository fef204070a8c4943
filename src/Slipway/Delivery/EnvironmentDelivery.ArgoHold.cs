using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.Cluster;
using Slipway.GitOps;
using Slipway.GitOps.Manifests;

namespace Slipway.Delivery;

/// <summary>
/// A rollback must hold on Argo CD too: the root Application <c>&lt;env&gt;-apps</c> syncs every app's Application from Git
/// on its own (automated sync), so a tag written to Git by anyone else would be applied within minutes. A rollback turns
/// that automated sync off and remembers the object it was in the annotation <see cref="AutomatedBefore"/>; Resume, once
/// no hold is left, puts back exactly that object. The apps' own Applications take their tags from the root, so they need
/// not be touched. Slipway's own deploys re-apply the root (automated sync on); while the annotation stands they turn it off again.
/// </summary>
public sealed partial class EnvironmentDelivery
{
    /// <summary>The annotation on the root Application holding its <c>spec.syncPolicy.automated</c> as JSON from before the hold.</summary>
    public const string AutomatedBefore = "slipway.io/automated-before";

    private string ArgoRootApplication => $"{Name}-apps";

    /// <summary>
    /// Turns off the root Application's automated sync, remembering it (a second rollback keeps the first's memory).
    /// With <paramref name="onlyWhenHeld"/> it acts only where a hold already turned it off (after a deploy re-applied the root).
    /// </summary>
    private async Task HoldArgoSyncAsync(bool onlyWhenHeld, CancellationToken cancellationToken)
    {
        if (Engine != GitOpsEngine.ArgoCd)
        {
            return;
        }

        if (await ReadArgoRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
        {
            if (!onlyWhenHeld)
            {
                _context.Log.Warning($"No Argo CD Application {ManifestRenderer.ArgoNamespace}/{ArgoRootApplication} on the cluster: no automated sync to turn off; the hold in Git still stops Slipway's deploys.");
            }

            return;
        }

        string? remembered = JsonStatus.Text(root, "metadata", "annotations", AutomatedBefore);
        JsonElement? automated = JsonStatus.Find(root, "spec", "syncPolicy", "automated");
        if (automated is not { ValueKind: JsonValueKind.Object } on || (onlyWhenHeld && remembered is null))
        {
            if (!onlyWhenHeld && remembered is null)
            {
                _context.Log.Info($"Argo CD automated sync of {ManifestRenderer.ArgoNamespace}/{ArgoRootApplication} is already off (not by a rollback): left as it is, and Resume leaves it so.");
            }

            return;
        }

        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [AutomatedBefore] = remembered ?? on.GetRawText() } },
            ["spec"] = new JsonObject { ["syncPolicy"] = new JsonObject { ["automated"] = null } },
        };
        await PatchArgoRootAsync(patch, cancellationToken).ConfigureAwait(false);
        _context.Log.Info($"Turned off Argo CD automated sync of {ManifestRenderer.ArgoNamespace}/{ArgoRootApplication} while {Name} is held (it was {remembered ?? on.GetRawText()}; Resume turns it back on).");
    }

    /// <summary>
    /// A rollback during an emergency stop: the stop already turned automated sync off and keeps, in its file, what it was.
    /// That is remembered for the hold too, so that lifting the stop (which puts it back) leaves it off while held.
    /// </summary>
    private async Task RememberArgoSyncDuringStopAsync(Releases.EnvironmentGuards guards, CancellationToken cancellationToken)
    {
        if (Engine != GitOpsEngine.ArgoCd
            || guards.Stops.SelectMany(static s => s.Suspended).FirstOrDefault(s => s.Environment == Name && s.Kind == CustomResource.Application.Kind && s.Name == ArgoRootApplication) is not { Automated: { } automated })
        {
            return;
        }

        if (await ReadArgoRootAsync(cancellationToken).ConfigureAwait(false) is not { } root
            || JsonStatus.Text(root, "metadata", "annotations", AutomatedBefore) is not null)
        {
            return;
        }

        var patch = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [AutomatedBefore] = automated } } };
        await PatchArgoRootAsync(patch, cancellationToken).ConfigureAwait(false);
        _context.Log.Info($"Argo CD automated sync of {ManifestRenderer.ArgoNamespace}/{ArgoRootApplication} is off under the stop; it stays off after the stop is lifted, while {Name} is held (Resume turns it back on: {automated}).");
    }

    /// <summary>
    /// Puts back the automated sync a rollback turned off, exactly as it was, and removes the annotation; under an emergency
    /// stop (<paramref name="stopped"/>) only the annotation goes: the stop keeps sync off until it is lifted.
    /// </summary>
    private async Task ReleaseArgoSyncAsync(bool stopped, CancellationToken cancellationToken)
    {
        if (Engine != GitOpsEngine.ArgoCd)
        {
            return;
        }

        JsonElement? root = await ReadArgoRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is not { } found || JsonStatus.Text(found, "metadata", "annotations", AutomatedBefore) is not { } remembered)
        {
            _context.Log.Info($"No Argo CD automated sync turned off by a rollback of {Name}: nothing to turn back on.");
            return;
        }

        JsonNode? automated;
        try
        {
            automated = JsonNode.Parse(remembered);
        }
        catch (JsonException error)
        {
            throw SlipwayException.Input($"The annotation {AutomatedBefore} on Application {ManifestRenderer.ArgoNamespace}/{ArgoRootApplication} is not JSON ({error.Message}): set spec.syncPolicy.automated by hand and remove the annotation.");
        }

        var patch = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [AutomatedBefore] = null } } };
        if (!stopped)
        {
            patch["spec"] = new JsonObject { ["syncPolicy"] = new JsonObject { ["automated"] = automated } };
        }

        await PatchArgoRootAsync(patch, cancellationToken).ConfigureAwait(false);
        _context.Log.Info(stopped
            ? $"Argo CD automated sync of {ManifestRenderer.ArgoNamespace}/{ArgoRootApplication} stays off while the emergency stop of {Name} stands (the next deploy after it turns it on)."
            : $"Turned Argo CD automated sync of {ManifestRenderer.ArgoNamespace}/{ArgoRootApplication} back on as it was: {remembered}.");
    }

    private async Task<JsonElement?> ReadArgoRootAsync(CancellationToken cancellationToken)
        => await (await ClusterAsync(cancellationToken).ConfigureAwait(false))
            .GetCustomObjectAsync(CustomResource.Application, ManifestRenderer.ArgoNamespace, ArgoRootApplication, cancellationToken).ConfigureAwait(false);

    private async Task PatchArgoRootAsync(JsonObject patch, CancellationToken cancellationToken)
        => await (await ClusterAsync(cancellationToken).ConfigureAwait(false))
            .MergePatchCustomObjectAsync(CustomResource.Application, ManifestRenderer.ArgoNamespace, ArgoRootApplication, patch, cancellationToken).ConfigureAwait(false);
}
