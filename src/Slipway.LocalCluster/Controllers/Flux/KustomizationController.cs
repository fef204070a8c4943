using System.Text.Json.Nodes;
using LibGit2Sharp;
using Slipway.LocalCluster.Controllers.Manifests;
using Slipway.LocalCluster.Controllers.Runtime;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Controllers.Flux;

/// <summary>
/// Plays Flux's kustomize-controller for <c>Kustomization</c> (<c>kustomize.toolkit.fluxcd.io/v1</c>): reads the manifests
/// under <c>spec.path</c> at the revision of its GitRepository (see <see cref="GitTreeManifests"/>), applies them all
/// (after checking every kind first) with the labels <c>kustomize.toolkit.fluxcd.io/name</c> and <c>/namespace</c>, and
/// with <c>spec.prune</c> deletes what the previous <c>status.inventory</c> held and the new revision no longer does.
/// Runs when the source's revision changes, on <c>spec.interval</c> (undoing drift), on a spec change and on
/// <c>reconcile.fluxcd.io/requestedAt</c>; <c>spec.suspend</c> stops it. A namespaced object needs a namespace (its own or
/// <c>spec.targetNamespace</c>), otherwise the reconcile fails with "namespace not specified" as Flux's does. Deleting a
/// Kustomization with <c>spec.prune</c> deletes its inventory (Flux's finalizer does the same). Until every
/// <c>spec.dependsOn</c> Kustomization is Ready it applies nothing (Ready=False <c>DependencyNotReady</c>). Health checks (<c>spec.wait</c>, <c>healthChecks</c>) are not simulated.
/// </summary>
internal sealed class KustomizationController : ReconcilingController
{
    public const string NameLabel = "kustomize.toolkit.fluxcd.io/name";
    public const string NamespaceLabel = "kustomize.toolkit.fluxcd.io/namespace";
    private readonly Dictionary<ObjectKey, DateTimeOffset> _lastRun = [];
    private readonly ManifestApplier _applier;

    public KustomizationController(ControllerContext context)
        : base(context)
    {
        _applier = new ManifestApplier(Store);
    }

    protected override ResourceType PrimaryType => Kinds.Kustomization;

    protected override EventSource? ReadyEventSource => EventSource.KustomizeController;

    protected override IEnumerable<(ResourceType Type, Func<WatchEvent, IEnumerable<ObjectKey>> Map)> Secondaries
        => [(Kinds.GitRepository, UsersOf), (Kinds.Kustomization, change => Dependencies.DependentsOf(Store, Kinds.Kustomization, change))];

    protected override async Task<TimeSpan?> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        JsonObject? kustomization = Store.Get(Kinds.Kustomization, key.Namespace, key.Name);
        if (kustomization is null)
        {
            _lastRun.Remove(key);
            GarbageCollect(TakeTombstone(key));
            return null;
        }

        if (kustomization.Bool("spec", "suspend"))
        {
            return null;
        }

        TimeSpan interval = GoDuration.Parse(kustomization.Str("spec", "interval"), TimeSpan.FromMinutes(10));
        DateTimeOffset now = Context.Now;
        JsonObject status = kustomization.Obj("status")?.DeepClone().AsObject() ?? [];
        JsonObject before = status.DeepClone().AsObject();
        (string sourceNamespace, string sourceName) = SourceOf(kustomization);
        JsonObject? source = Store.Get(Kinds.GitRepository, sourceNamespace, sourceName);
        string? revision = source.Str("status", "artifact", "revision");
        TimeSpan again = interval;
        if (Dependencies.FirstNotReady(Store, Kinds.Kustomization, kustomization) is string waiting)
        {
            Fail(status, Dependencies.NotReadyReason, waiting, now);
            again = Context.Options.DependencyRequeueInterval;
        }
        else if (kustomization.Str("spec", "sourceRef", "kind") is string kind && kind != "GitRepository")
        {
            Fail(status, "ArtifactFailed", $"source kind {kind} is not supported by the local cluster (only GitRepository is)", now);
        }
        else if (source is null || revision is null)
        {
            Fail(status, "ArtifactFailed", source is null ? $"Source 'GitRepository/{sourceNamespace}/{sourceName}' not found" : $"Source artifact not found, retrying in {GoDuration.Format(interval)}", now);
        }
        else
        {
            bool due = !_lastRun.TryGetValue(key, out DateTimeOffset last) || now - last >= interval;
            if (!due && revision == status.Str("lastAttemptedRevision") && !FluxAnnotations.IsPending(kustomization) && !FluxAnnotations.IsNewGeneration(kustomization))
            {
                return last + interval - now;
            }

            status["lastAttemptedRevision"] = revision;
            await ApplyAsync(kustomization, status, (sourceNamespace, sourceName), revision, now, cancellationToken).ConfigureAwait(false);
            _lastRun[key] = now;
        }

        status["observedGeneration"] = kustomization.Long("metadata", "generation") ?? 1;
        FluxAnnotations.MarkHandled(kustomization, status);
        UpdateStatusIfChanged(Kinds.Kustomization, key.Namespace, kustomization, before, status);

        return again;
    }

    private async Task ApplyAsync(JsonObject kustomization, JsonObject status, (string Namespace, string Name) source, string revision, DateTimeOffset now, CancellationToken cancellationToken)
    {
        string ns = kustomization.Str("metadata", "namespace") ?? "default";
        string name = kustomization.Str("metadata", "name") ?? string.Empty;
        string sha = revision[(revision.LastIndexOf(':') + 1)..];
        string cache = SourceCache.GitRepositoryPath(Context.Options.SourceCacheDirectory, source.Namespace, source.Name);
        try
        {
            IReadOnlyList<Manifest> manifests = await Task.Run(
                () =>
                {
                    using var repository = new Repository(cache);
                    return GitTreeManifests.Read(repository, sha, kustomization.Str("spec", "path") ?? "./", recurse: true);
                },
                cancellationToken).WaitAsync(Context.Options.GitTimeout, cancellationToken).ConfigureAwait(false);
            var labels = new Dictionary<string, string> { [NameLabel] = name, [NamespaceLabel] = ns };
            IReadOnlyList<PlannedObject> plan = _applier.Plan(manifests, null, kustomization.Str("spec", "targetNamespace"), labels);
            foreach (PlannedObject obj in plan)
            {
                ApplyOne(obj);
            }

            var entries = new JsonArray(plan.Select(p => (JsonNode)new JsonObject { ["id"] = p.InventoryId, ["v"] = p.Type.Version }).ToArray());
            if (kustomization.Bool("spec", "prune"))
            {
                var kept = plan.Select(p => p.InventoryId).ToHashSet(StringComparer.Ordinal);
                foreach (JsonNode? entry in status.Arr("inventory", "entries") ?? [])
                {
                    if (entry.Str("id") is string id && !kept.Contains(id))
                    {
                        _applier.Delete(id, entry.Str("v") ?? "v1");
                    }
                }
            }

            status["inventory"] = new JsonObject { ["entries"] = entries };
            status["lastAppliedRevision"] = revision;
            Conditions.Set(status, new Condition("Ready", "True", "ReconciliationSucceeded", $"Applied revision: {revision}"), now);
        }
        catch (Exception failure) when (failure is ManifestException or RepositoryNotFoundException or TimeoutException || failure is StoreException { Code: not 409 })
        {
            Fail(status, "ReconciliationFailed", failure.Message, now);
        }
    }

    private void ApplyOne(PlannedObject obj)
    {
        try
        {
            _applier.Apply(obj);
        }
        catch (StoreException refused) when (refused.Code != 409)
        {
            throw new ManifestException($"{obj} ({obj.File}) apply failed: {refused.Message}", refused);
        }
    }

    /// <summary>A deleted Kustomization with <c>spec.prune</c> takes what it applied with it, as Flux's finalizer does.</summary>
    private void GarbageCollect(JsonObject? deleted)
    {
        if (deleted is null || !deleted.Bool("spec", "prune") || deleted.Bool("spec", "suspend"))
        {
            return;
        }

        foreach (JsonNode? entry in deleted.Arr("status", "inventory", "entries") ?? [])
        {
            if (entry.Str("id") is string id)
            {
                _applier.Delete(id, entry.Str("v") ?? "v1");
            }
        }
    }

    private static void Fail(JsonObject status, string reason, string message, DateTimeOffset now)
        => Conditions.Set(status, new Condition("Ready", "False", reason, message), now);

    private static (string Namespace, string Name) SourceOf(JsonObject kustomization)
        => (kustomization.Str("spec", "sourceRef", "namespace") ?? kustomization.Str("metadata", "namespace") ?? "default",
            kustomization.Str("spec", "sourceRef", "name") ?? string.Empty);

    private IEnumerable<ObjectKey> UsersOf(WatchEvent change)
    {
        string? ns = change.Object.Str("metadata", "namespace");
        string? name = change.Object.Str("metadata", "name");
        return Store.List(Kinds.Kustomization, null)
            .Where(k => SourceOf(k) == (ns, name))
            .Select(ObjectKey.Of)
            .ToList();
    }
}
