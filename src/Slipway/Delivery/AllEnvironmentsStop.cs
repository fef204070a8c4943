using Slipway.Environments;
using Slipway.Releases;

namespace Slipway.Delivery;

/// <summary>
/// <c>EmergencyStop --all</c> and <c>Resume --all</c>: the stop of every environment deployed through the GitOps repository
/// (those whose manifests are on its branch), recorded once in <c>stops/_all.yaml</c>. Each environment's reconcilers are
/// read, the stop is committed, then each is suspended; Resume restores each as recorded, then commits the lift.
/// </summary>
public sealed class AllEnvironmentsStop
{
    private readonly DeliveryContext _context;
    private readonly EnvironmentCatalog _catalog;

    public AllEnvironmentsStop(DeliveryContext context, EnvironmentCatalog catalog)
    {
        _context = context;
        _catalog = catalog;
    }

    public async Task<StopOutcome> StopAsync(string reason, CancellationToken cancellationToken)
    {
        EnvironmentDelivery.RequireReason(reason, "EmergencyStop", "why every environment must stop, e.g. --reason \"bad base image in every release\"");
        var suspended = new List<SuspendedObject>();
        string? recorder = null;
        foreach (string name in _catalog.Names)
        {
            await using EnvironmentDelivery? delivery = await OpenDeployedAsync(name, cancellationToken).ConfigureAwait(false);
            if (delivery is null)
            {
                continue;
            }

            if (await delivery.ReadGlobalStopAsync(cancellationToken).ConfigureAwait(false) is { } standing)
            {
                return new StopOutcome(standing, AlreadyStopped: true, Push: null);
            }

            recorder ??= name;
            suspended.AddRange(await delivery.ReadReconcilersAsync(cancellationToken).ConfigureAwait(false));
        }

        if (recorder is null)
        {
            throw SlipwayException.Input("EmergencyStop --all: no environment of environments/ has been deployed through its GitOps repository yet; nothing to stop.");
        }

        var stop = new Stop
        {
            Scope = GuardPaths.AllEnvironments,
            Reason = reason.Trim(),
            Who = _context.CommitInfoFor(recorder).AuthorName,
            Since = _context.Time.GetUtcNow(),
            Suspended = suspended,
        };
        Stop recorded;
        Slipway.GitOps.Git.PushResult? push;
        await using (EnvironmentDelivery first = EnvironmentDelivery.Open(_context, _catalog, recorder))
        {
            (recorded, push) = await first.RecordStopAsync(stop, cancellationToken).ConfigureAwait(false);
        }

        if (push is null)
        {
            return new StopOutcome(recorded, AlreadyStopped: true, Push: null);
        }

        await ForEachEnvironmentAsync(stop, (d, ct) => d.ApplyStopAsync(stop, ct), cancellationToken).ConfigureAwait(false);
        return new StopOutcome(stop, AlreadyStopped: false, push);
    }

    /// <summary>Lifts the stop of every environment; null when none stands (nothing written).</summary>
    public async Task<Stop?> LiftAsync(string reason, CancellationToken cancellationToken)
    {
        EnvironmentDelivery.RequireReason(reason, "Resume", "why every environment may move again, e.g. --reason \"base image fixed\"");
        foreach (string name in _catalog.Names)
        {
            await using EnvironmentDelivery? delivery = await OpenDeployedAsync(name, cancellationToken).ConfigureAwait(false);
            if (delivery is null)
            {
                continue;
            }

            if (await delivery.ReadGlobalStopAsync(cancellationToken).ConfigureAwait(false) is not { } stop)
            {
                return null;
            }

            await ForEachEnvironmentAsync(stop, (d, ct) => d.UndoStopAsync(stop, ct), cancellationToken).ConfigureAwait(false);
            await delivery.CommitLiftAsync(stop, reason, cancellationToken).ConfigureAwait(false);
            return stop;
        }

        return null;
    }

    private async Task ForEachEnvironmentAsync(Stop stop, Func<EnvironmentDelivery, CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        foreach (string name in stop.Suspended.Select(static s => s.Environment).Concat(stop.ScaledDown.Select(static s => s.Environment)).Distinct(StringComparer.Ordinal))
        {
            if (!_catalog.Contains(name))
            {
                _context.Log.Warning($"{stop.File} lists environment {name}, which environments/ no longer has: left as it is.");
                continue;
            }

            await using EnvironmentDelivery delivery = EnvironmentDelivery.Open(_context, _catalog, name);
            await action(delivery, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The delivery of <paramref name="name"/> when it is a valid environment deployed through its GitOps repository; otherwise null.</summary>
    private async Task<EnvironmentDelivery?> OpenDeployedAsync(string name, CancellationToken cancellationToken)
    {
        EnvironmentDelivery delivery;
        try
        {
            delivery = EnvironmentDelivery.Open(_context, _catalog, name);
        }
        catch (SlipwayException e) when (e.Kind == FailureKind.Input)
        {
            return null; // a layer that is not an environment of its own (or does not validate): Validate reports it
        }

        if (await delivery.IsDeployedAsync(cancellationToken).ConfigureAwait(false))
        {
            return delivery;
        }

        await delivery.DisposeAsync().ConfigureAwait(false);
        return null;
    }
}
