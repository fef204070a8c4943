using Slipway.Cluster;
using Slipway.Verification;

namespace Slipway.Delivery;

/// <summary>Verify: wait until the environment really runs what was pushed.</summary>
public sealed partial class EnvironmentDelivery
{
    /// <summary>The environment variable that shortens (or lengthens) how long Verify waits on a failure before giving up.</summary>
    public const string FailFastVariable = "SLIPWAY_VERIFY_FAIL_FAST_AFTER";

    /// <summary>
    /// Waits until the environment really runs what was pushed (rollout rules, pod problems, endpoints): with Flux, only its
    /// own HelmReleases and their workloads, each running the image and chart version the head of its GitOps branch names.
    /// </summary>
    public async Task<VerificationReport> VerifyAsync(IVerificationProgress progress, HttpClient http, CancellationToken cancellationToken)
    {
        KubernetesCluster cluster = await ClusterAsync(cancellationToken).ConfigureAwait(false);
        var options = new VerifyOptions
        {
            Namespaces = Namespaces,
            Endpoints = _settings.Verify.Endpoints.Concat(_settings.Apps.Values.SelectMany(static a => a.Endpoints))
                .Distinct(StringComparer.Ordinal).Select(static e => new Uri(e)).ToList(),
            Timeout = _settings.Verify.Timeout,
            Interval = _settings.Verify.Interval < TimeSpan.FromSeconds(1) ? _settings.Verify.Interval : TimeSpan.FromSeconds(1),
            IncludeApplications = _settings.GitOps.IsArgoCd,
            FailFastAfter = FailFastAfter(),
            Expected = await ExpectedReleasesAsync(cancellationToken).ConfigureAwait(false),
        };
        var verifier = new RolloutVerifier(cluster, new EndpointProber(http), _context.Time);
        return await verifier.VerifyAsync(options, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// How long Verify lets a failure that may clear by itself (ImagePullBackOff) last: <see cref="VerifyOptions.FailFastAfter"/>,
    /// or the duration in <see cref="FailFastVariable"/> (<c>5s</c>, <c>1m</c>) for runs that must fail quickly (tests, CI smoke runs).
    /// </summary>
    private TimeSpan FailFastAfter()
    {
        string? text = _context.Variables.Get(FailFastVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new VerifyOptions { Namespaces = [] }.FailFastAfter;
        }

        return Environments.Duration.TryParse(text, out TimeSpan value) && value >= TimeSpan.Zero
            ? value
            : throw SlipwayException.Input($"{FailFastVariable}='{text}' is not a duration: use a value like 5s or 1m, or unset it (default 20s).");
    }
}
