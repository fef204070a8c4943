using Slipway.Cluster;
using Slipway.Cluster.Connection;
using Slipway.GitOps;
using Slipway.GitOps.Git;
using Slipway.Hosting;
using Slipway.Processes;

namespace Slipway.Delivery;

/// <summary>What every environment delivery of one run shares: where, who, when, how to say things, and how to start the local cluster.</summary>
public sealed record DeliveryContext(
    string RootDirectory,
    IEnvironmentVariables Variables,
    TimeProvider Time,
    ILog Log,
    ILocalClusterStarter? LocalClusters)
{
    /// <summary>The <c>.nuke/temp</c> paths of the repository.</summary>
    public SlipwayPaths Paths => new(RootDirectory);

    /// <summary>Runs terraform (and git where LibGit2Sharp is not used).</summary>
    public IProcessRunner Processes { get; init; } = new ProcessRunner();

    /// <summary>The token for an https GitOps repository (the <c>[Secret]</c> parameter <c>--gitops-token</c> / <c>SLIPWAY_GITOPS_TOKEN</c>); null for none.</summary>
    public string? GitOpsToken { get; init; }

    /// <summary>How long the deploy lease lasts without renewal (renewed every third of it while the run lasts).</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long SyncApps waits for the cluster to apply the pushed commit.</summary>
    public TimeSpan SyncTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public CommitInfo CommitInfoFor(string environment) => CommitInfoFactory.FromEnvironment(Variables, environment, RootDirectory, Time);

    /// <summary>Who holds the lease: user, host, process and CI run, so a refusal names a person and a run.</summary>
    public string LeaseHolder
    {
        get
        {
            string user = Variables.Get("GITHUB_ACTOR") ?? Variables.Get("GITLAB_USER_LOGIN") ?? Variables.Get("USER") ?? Environment.UserName;
            string run = Variables.Get("GITHUB_RUN_ID") ?? Variables.Get("CI_JOB_ID") ?? "local";
            return LeaseHolderIdentity.Format(user, run);
        }
    }

    /// <summary>Without the token: a record prints every property.</summary>
    public override string ToString() => $"DeliveryContext {{ RootDirectory = {RootDirectory} }}";
}
