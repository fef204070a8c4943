using System.Text.Json;
using System.Text.Json.Nodes;

namespace Slipway.Cluster;

/// <summary>
/// Makes Argo CD sync a pushed commit now: sets the Application's top-level <c>operation.sync.revision</c> and waits
/// until <c>status.sync.revision</c> is that commit and the operation succeeded.
/// </summary>
public sealed class ArgoSync
{
    public const string Namespace = "argocd";

    private readonly IClusterCustomObjects _objects;
    private readonly TimeProvider _time;

    public ArgoSync(IClusterCustomObjects objects, TimeProvider time)
    {
        _objects = objects;
        _time = time;
    }

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    public async Task SyncAndWaitAsync(string application, string commit, TimeSpan timeout, ILog log, CancellationToken cancellationToken)
    {
        var operation = new JsonObject
        {
            ["operation"] = new JsonObject
            {
                ["initiatedBy"] = new JsonObject { ["username"] = "slipway" },
                ["sync"] = new JsonObject { ["revision"] = commit },
            },
        };
        DateTimeOffset requested = _time.GetUtcNow();
        await _objects.MergePatchCustomObjectAsync(CustomResource.Application, Namespace, application, operation, cancellationToken).ConfigureAwait(false);
        log.Info($"Asked Argo CD to sync {Namespace}/{application} to {commit[..Math.Min(12, commit.Length)]}.");

        var wait = new CustomObjectWait(
            CustomResource.Application,
            Namespace,
            application,
            app =>
            {
                string? revision = JsonStatus.Text(app, "status", "sync", "revision");
                string? phase = JsonStatus.Text(app, "status", "operationState", "phase");
                // a failed comparison (path not found, bad YAML) resolves no revision: the requested one names the attempt
                string? syncedTo = JsonStatus.Text(app, "status", "operationState", "syncResult", "revision") is { Length: > 0 } resolved
                    ? resolved
                    : JsonStatus.Text(app, "status", "operationState", "operation", "sync", "revision");
                string? message = JsonStatus.Text(app, "status", "operationState", "message");
                if (revision == commit && phase == "Succeeded")
                {
                    return (true, string.Empty);
                }

                if (phase is "Failed" or "Error" && syncedTo == commit)
                {
                    throw SlipwayException.Failed($"Argo CD could not sync {Namespace}/{application} to {commit}: {phase}: {message}. Next: {NextStep(application)}");
                }

                if (ArgoSourceError.Since(app, requested) is var (type, error) && !(revision == commit && phase == "Running"))
                {
                    throw SlipwayException.Failed($"Argo CD cannot read the source of {Namespace}/{application}, so it cannot sync {commit}: {type}: {error}. Next: {NextStep(application)}");
                }

                return (false, $"revision {revision ?? "none"}, operation {phase ?? "none"} {message}".TrimEnd());
            },
            last => SlipwayException.Failed($"Argo CD did not sync {Namespace}/{application} to {commit} within {timeout.TotalSeconds:0}s ({last}). Check it with: argocd app get {application}"))
        {
            Timeout = timeout,
            Interval = PollInterval,
            Time = _time,
        };
        await CustomObjectPoller.WaitAsync(_objects, wait, cancellationToken).ConfigureAwait(false);
    }

    private static string NextStep(string application)
        => $"argocd app get {application} shows it; repair the GitOps remote or the manifest it names, then run the deploy again.";
}
