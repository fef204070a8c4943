using Slipway.GitOps;

namespace Slipway.Delivery;

/// <summary>What this run delivered, for the CI system's outputs (GitHub Actions outputs, GitLab's slipway.env).</summary>
public sealed partial class EnvironmentDelivery
{
    private IReadOnlyList<AppRelease> _syncedApps = [];

    /// <summary>The GitOps commit the last step of this run pushed (or found current); null when none pushed.</summary>
    public string? PushedCommit => _lastPushedCommit;

    /// <summary>The apps and tags SyncApps wrote in this run (empty when it did not run).</summary>
    public IReadOnlyList<AppRelease> SyncedApps => _syncedApps;

    /// <summary>The environment's address: the first URL Verify probes (verify.endpoints, then the apps'), or null.</summary>
    public string? EnvironmentUrl => _settings.Verify.Endpoints.Concat(_settings.Apps.Values.SelectMany(static a => a.Endpoints)).FirstOrDefault();
}
