using System.Collections.ObjectModel;
using Octokit;

namespace Slipway.Reporting;

/// <summary>
/// The GitHub Deployment of one environment for a run, through Octokit: created with the status <c>in_progress</c> before
/// the first write, finished with <c>success</c> or <c>failure</c> and the environment's URL. It only records: the
/// deployment has no required status checks and never merges.
/// </summary>
public sealed class GitHubDeployment
{
    private readonly IGitHubClient _client;
    private readonly GitHubDeploymentRequest _request;

    private GitHubDeployment(IGitHubClient client, GitHubDeploymentRequest request, long id)
    {
        _client = client;
        _request = request;
        Id = id;
    }

    public long Id { get; }

    /// <summary>Creates the deployment of <see cref="GitHubDeploymentRequest.Sha"/> to the environment and marks it in progress.</summary>
    public static async Task<GitHubDeployment> StartAsync(IGitHubClient client, GitHubDeploymentRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var deployment = new NewDeployment(request.Sha)
        {
            Environment = request.Environment,
            Description = request.Description,
            AutoMerge = false,
            RequiredContexts = new Collection<string>(),
        };
        Deployment created = await Call(request, "create the deployment", () => client.Repository.Deployment.Create(request.Owner, request.Name, deployment)).ConfigureAwait(false);
        var started = new GitHubDeployment(client, request, created.Id);
        await started.SetStatusAsync(DeploymentState.InProgress, environmentUrl: null, cancellationToken).ConfigureAwait(false);
        return started;
    }

    /// <summary>Marks the deployment <c>success</c> or <c>failure</c>, with <paramref name="environmentUrl"/> when known.</summary>
    public Task FinishAsync(bool succeeded, string? environmentUrl, CancellationToken cancellationToken)
        => SetStatusAsync(succeeded ? DeploymentState.Success : DeploymentState.Failure, environmentUrl, cancellationToken);

    private async Task SetStatusAsync(DeploymentState state, string? environmentUrl, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var status = new NewDeploymentStatus(state) { LogUrl = _request.LogUrl, EnvironmentUrl = environmentUrl, Environment = _request.Environment };
        await Call(_request, $"set deployment {Id} to {state}", () => _client.Repository.Deployment.Status.Create(_request.Owner, _request.Name, Id, status)).ConfigureAwait(false);
    }

    private static async Task<T> Call<T>(GitHubDeploymentRequest request, string what, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (AuthorizationException e)
        {
            throw SlipwayException.Failed($"GitHub refused the token to {what} in {request.Owner}/{request.Name} ({(int)e.StatusCode} {e.Message}): give the job 'deployments: write'.", e);
        }
        catch (ApiException e)
        {
            throw SlipwayException.Failed($"GitHub API error {(int)e.StatusCode} trying to {what} in {request.Owner}/{request.Name}: {e.Message}", e);
        }
        catch (HttpRequestException e)
        {
            throw SlipwayException.Failed($"Cannot reach the GitHub API to {what} ({e.Message}).", e);
        }
    }
}
