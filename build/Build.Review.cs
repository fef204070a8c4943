using Slipway;
using Slipway.Environments.Review;
using Slipway.Gates;
using Slipway.Hosting;
using Slipway.Targets;

/// <summary>
/// Review environments, one per branch (docs/ci.md): DeployReview deploys review-&lt;branch slug&gt;, made in memory from the
/// aio layer, and DestroyReview removes all of it (src/Slipway/Environments/Review, src/Slipway/Delivery).
/// </summary>
internal sealed partial class Build
{
    /// <summary>What DeployReview sets --env to until the branch is read (<see cref="OnParametersBound"/> puts the real name there).</summary>
    private const string ReviewOfBranch = "review-of-branch";

    [Parameter("DeployReview, DestroyReview: the branch whose review environment to deploy or destroy (default: the pull/merge request's source branch on CI, else the local HEAD)")]
    private readonly string? _branch;

    private Target DeployReview => _ => _
        .Description("Deploy the review environment of the branch (--branch, the pull/merge request's, or HEAD): review-<branch slug>, made from the aio layer, with its own local cluster, GitOps folder and Terraform workspace")
        .Sets(() => _env, ReviewOfBranch)
        .DependsOn(Validate, ApplyInfra, DeployPlatform, SyncApps, Verify)
        .Executes(() => Output.Success($"Review environment {_env} is live. Remove it with: ./build.sh DestroyReview --env {_env}"));

    private Target DestroyReview => _ => _
        .Description("Remove the review environment of the branch (or --env review-…) for good: its local cluster, its GitOps folder (one pushed commit), its Terraform workspace and its .nuke/temp files; what is already gone is said and skipped")
        .Executes(async ct =>
        {
            foreach (string line in await (await DeliveryAsync(ct)).DestroyReviewAsync(ct))
            {
                Output.Info(line);
            }

            Output.Success($"Review environment {_env} is gone.");
        });

    /// <summary>DeployReview and DestroyReview act on the branch's review environment: read the branch and name it, before the plan is checked.</summary>
    protected override void OnParametersBound()
    {
        bool deploy = IsRequested(nameof(DeployReview));
        if (!deploy && !IsRequested(nameof(DestroyReview)))
        {
            return;
        }

        try
        {
            if (deploy || _env is null)
            {
                (string branch, string source) = ReviewBranchReader.Read(_branch, ProcessEnvironmentVariables.Instance, RootDirectory);
                _env = ReviewEnvironmentName.For(branch);
                Output.Info($"Branch {branch} (from {source}): review environment {_env}.");
            }
            else
            {
                ReviewEnvironmentName.RequireReview(_env, "--env");
            }
        }
        catch (SlipwayException error)
        {
            throw new BuildException(error.Message, (int)error.Kind);
        }
    }
}
