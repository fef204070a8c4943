using System.Text.Json.Nodes;
using Slipway.Cluster;

namespace Slipway.Tests.Cluster;

/// <summary>How the Flux and Argo CD syncs fail (a timeout, a failed condition), driven through fake custom objects (no cluster).</summary>
public sealed class SyncFailureTests
{
    private const string Commit = "0123456789abcdef0123456789abcdef01234567";
    private static readonly TimeSpan s_short = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(20);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Flux_that_never_applies_the_commit_times_out_saying_where_the_kustomization_stands()
    {
        var objects = new FakeCustomObjects { Current = Kustomization(applied: "main@sha1:old", attempted: "main@sha1:old", "True", "ReconciliationSucceeded", "Applied old") };
        var flux = new FluxSync(objects, TimeProvider.System) { PollInterval = s_poll };

        SlipwayException failure = await Should.ThrowAsync<SlipwayException>(
            () => flux.ReconcileAndWaitAsync(new FluxReconcileRequest("staging", "slipway-gitops", "main", Commit) { Timeout = s_short }, Ct));

        failure.Kind.ShouldBe(FailureKind.Failed);
        failure.Message.ShouldStartWith($"Flux did not apply main@sha1:{Commit} within 0s: Kustomization flux-system/staging has applied main@sha1:old, Ready=True (ReconciliationSucceeded) Applied old.");
        failure.Message.ShouldContain("flux get kustomizations -A");
        objects.Patched.ShouldBe(["flux-system/slipway-gitops", "flux-system/staging"]);
    }

    [Fact]
    public async Task Flux_whose_kustomization_fails_on_the_commit_fails_at_once_with_its_message()
    {
        var objects = new FakeCustomObjects { Current = Kustomization("main@sha1:old", $"main@sha1:{Commit}", "False", "BuildFailed", "kustomize build failed: apps/broken.yaml") };
        var flux = new FluxSync(objects, TimeProvider.System) { PollInterval = s_poll };

        SlipwayException failure = await Should.ThrowAsync<SlipwayException>(
            () => flux.ReconcileAndWaitAsync(new FluxReconcileRequest("staging", "slipway-gitops", "main", Commit) { Timeout = TimeSpan.FromMinutes(1) }, Ct));

        failure.Kind.ShouldBe(FailureKind.Failed);
        failure.Message.ShouldBe($"Flux could not apply main@sha1:{Commit}: Kustomization flux-system/staging is not Ready (BuildFailed): kustomize build failed: apps/broken.yaml");
    }

    [Fact]
    public async Task Argo_that_never_syncs_the_commit_times_out_naming_the_application()
    {
        var objects = new FakeCustomObjects { Current = Application(revision: "old", phase: "Running", syncedTo: Commit, "waiting for sync") };
        var argo = new ArgoSync(objects, TimeProvider.System) { PollInterval = s_poll };

        SlipwayException failure = await Should.ThrowAsync<SlipwayException>(
            () => argo.SyncAndWaitAsync("staging-apps", Commit, s_short, NullLog.Instance, Ct));

        failure.Kind.ShouldBe(FailureKind.Failed);
        failure.Message.ShouldBe($"Argo CD did not sync argocd/staging-apps to {Commit} within 0s (revision old, operation Running waiting for sync). Check it with: argocd app get staging-apps");
    }

    [Fact]
    public async Task Argo_whose_operation_fails_on_the_commit_fails_at_once_with_its_message()
    {
        var objects = new FakeCustomObjects { Current = Application(revision: "old", phase: "Failed", syncedTo: Commit, "path apps does not exist") };
        var argo = new ArgoSync(objects, TimeProvider.System) { PollInterval = s_poll };

        SlipwayException failure = await Should.ThrowAsync<SlipwayException>(
            () => argo.SyncAndWaitAsync("staging-apps", Commit, TimeSpan.FromMinutes(1), NullLog.Instance, Ct));

        failure.Kind.ShouldBe(FailureKind.Failed);
        failure.Message.ShouldBe($"Argo CD could not sync argocd/staging-apps to {Commit}: Failed: path apps does not exist. Next: argocd app get staging-apps shows it; repair the GitOps remote or the manifest it names, then run the deploy again.");
    }

    [Fact]
    public async Task Flux_whose_source_cannot_fetch_fails_at_once_naming_the_git_repository_its_reason_and_the_next_command()
    {
        var objects = new FakeCustomObjects { Current = Kustomization("main@sha1:old", "main@sha1:old", "True", "ReconciliationSucceeded", "Applied old") };
        objects.Others["GitRepository"] = GitRepository("False", "GitOperationFailed", "failed to checkout and determine revision: object not found");
        var flux = new FluxSync(objects, TimeProvider.System) { PollInterval = s_poll };

        SlipwayException failure = await Should.ThrowAsync<SlipwayException>(
            () => flux.ReconcileAndWaitAsync(new FluxReconcileRequest("staging", "slipway-gitops", "main", Commit) { Timeout = TimeSpan.FromMinutes(1) }, Ct));

        failure.Kind.ShouldBe(FailureKind.Failed);
        failure.Message.ShouldStartWith($"Flux cannot fetch the GitOps source, so it cannot apply main@sha1:{Commit}: GitRepository flux-system/slipway-gitops is not Ready (GitOperationFailed): failed to checkout and determine revision: object not found. Next: repair branch main of /srv/gitops.git");
        failure.Message.ShouldContain("./build.sh SyncApps --env staging");
    }

    [Fact]
    public async Task Flux_does_not_fail_on_a_source_failure_from_before_its_request()
    {
        var objects = new FakeCustomObjects { Current = Kustomization("main@sha1:old", "main@sha1:old", "True", "ReconciliationSucceeded", "Applied old") };
        JsonObject stale = GitRepository("False", "GitOperationFailed", "an old failure");
        ((JsonObject)stale["status"]!)["lastHandledReconcileAt"] = "an older token";
        objects.Others["GitRepository"] = stale;
        objects.HandleRequests = false;
        var flux = new FluxSync(objects, TimeProvider.System) { PollInterval = s_poll };
        Task<string> waiting = flux.ReconcileAndWaitAsync(new FluxReconcileRequest("staging", "slipway-gitops", "main", Commit) { Timeout = TimeSpan.FromMinutes(1) }, Ct);

        await Task.Delay(TimeSpan.FromMilliseconds(300), Ct);
        waiting.IsCompleted.ShouldBeFalse();
        objects.Current = Kustomization($"main@sha1:{Commit}", $"main@sha1:{Commit}", "True", "ReconciliationSucceeded", "Applied");
        (await waiting).ShouldBe($"main@sha1:{Commit}");
    }

    [Fact]
    public async Task Argo_whose_source_cannot_be_read_on_a_refresh_after_the_request_fails_at_once()
    {
        JsonObject app = Application(revision: "old", phase: "Succeeded", syncedTo: "old", "successfully synced");
        ((JsonObject)app["status"]!)["conditions"] = new JsonArray(new JsonObject
        {
            ["type"] = "ComparisonError",
            ["message"] = "rpc error: unable to resolve 'main' to a commit SHA",
        });
        ((JsonObject)app["status"]!)["reconciledAt"] = DateTimeOffset.UtcNow.AddSeconds(2).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var objects = new FakeCustomObjects { Current = app };
        var argo = new ArgoSync(objects, TimeProvider.System) { PollInterval = s_poll };

        SlipwayException failure = await Should.ThrowAsync<SlipwayException>(
            () => argo.SyncAndWaitAsync("staging-apps", Commit, TimeSpan.FromMinutes(1), NullLog.Instance, Ct));

        failure.Message.ShouldStartWith($"Argo CD cannot read the source of argocd/staging-apps, so it cannot sync {Commit}: ComparisonError: rpc error: unable to resolve 'main' to a commit SHA. Next: argocd app get staging-apps");
    }

    private static JsonObject GitRepository(string ready, string reason, string message) => new()
    {
        ["spec"] = new JsonObject { ["url"] = "/srv/gitops.git" },
        ["status"] = new JsonObject
        {
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = ready, ["reason"] = reason, ["message"] = message }),
        },
    };

    private static JsonObject Kustomization(string applied, string attempted, string ready, string reason, string message) => new()
    {
        ["status"] = new JsonObject
        {
            ["lastAppliedRevision"] = applied,
            ["lastAttemptedRevision"] = attempted,
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = ready, ["reason"] = reason, ["message"] = message }),
        },
    };

    private static JsonObject Application(string revision, string phase, string syncedTo, string message) => new()
    {
        ["status"] = new JsonObject
        {
            ["sync"] = new JsonObject { ["revision"] = revision },
            ["operationState"] = new JsonObject
            {
                ["phase"] = phase,
                ["message"] = message,
                ["syncResult"] = new JsonObject { ["revision"] = syncedTo },
            },
        },
    };
}
